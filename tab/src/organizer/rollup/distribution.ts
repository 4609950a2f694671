/**
 * The distribution of one indicator's values over the units: bins of equal width from the lowest
 * value to the highest (the target included, so its line always falls on the axis), and how many
 * units each holds. 600 values read as a shape, where 600 bars would read as noise.
 */
export interface Bin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

export function bins(values: readonly number[], count: number, include: readonly number[] = []): Bin[] {
  if (values.length === 0) return [];
  const all = [...values, ...include];
  const low = Math.min(...all);
  const high = Math.max(...all);
  const width = high > low ? (high - low) / count : 1;
  const result = Array.from({ length: count }, (_, i) => ({ from: low + i * width, to: low + (i + 1) * width, count: 0 }));
  for (const value of values) {
    // the highest value belongs to the last bin, not a bin beyond it
    const index = Math.min(count - 1, Math.floor((value - low) / width));
    const bin = result[index];
    if (bin) bin.count++;
  }
  return result;
}
