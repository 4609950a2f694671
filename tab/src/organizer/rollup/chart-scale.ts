/** A linear scale from the values' range (padded, and including zero for counts) to pixels, top down. */
export function barScale(values: readonly number[], top: number, bottom: number): (value: number) => number {
  const max = Math.max(...values, 0);
  const min = Math.min(...values, 0);
  const span = max - min || 1;
  const high = max + span * 0.1;
  return (value) => bottom - ((value - min) / (high - min)) * (bottom - top);
}
