import type { Indicator, Measurement } from '../../../../src/contract';

/** One indicator's results over time, oldest first, with the group breakdowns seen. */
export interface Series {
  indicator: Indicator;
  points: { period: string; value: number; groups: { group: string; value: number }[] }[];
  groups: string[];
}

/** Groups measurements by indicator; indicators without results are left out. */
export function seriesOf(indicators: readonly Indicator[], measurements: readonly Measurement[]): Series[] {
  return indicators
    .map((indicator) => {
      const points = measurements
        .filter((m) => m.indicatorId === indicator.id)
        .sort((a, b) => a.period.localeCompare(b.period))
        .map((m) => ({ period: m.period, value: m.value, groups: m.groups ?? [] }));
      const groups = [...new Set(points.flatMap((p) => p.groups.map((g) => g.group)))];
      return { indicator, points, groups };
    })
    .filter((series) => series.points.length > 0);
}

/** Maps values to chart y coordinates, with the target inside the range. */
export function scale(values: number[], height: number, pad: number): (value: number) => number {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  return (value) => pad + (height - 2 * pad) * (1 - (value - min) / span);
}
