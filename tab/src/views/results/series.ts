import type { Indicator, Measurement } from '../../../../src/contract';
import { comparePeriods, parsePeriod, periodSpan } from '../../../../src/domain/period';
import type { PeriodKind } from '../../../../src/domain/period';

/** One indicator's results over time, in the order periods end, with the group breakdowns seen. */
export interface Series {
  indicator: Indicator;
  points: { period: string; kind: PeriodKind; value: number; groups: { group: string; value: number }[] }[];
  groups: string[];
}

/** Groups measurements by indicator, school years, terms and months alike; indicators without results are left out. */
export function seriesOf(indicators: readonly Indicator[], measurements: readonly Measurement[]): Series[] {
  return indicators
    .map((indicator) => {
      const points = measurements
        .filter((m) => m.indicatorId === indicator.id)
        .sort((a, b) => comparePeriods(a.period, b.period))
        .map((m) => ({ period: m.period, kind: parsePeriod(m.period)?.kind ?? 'schoolYear', value: m.value, groups: m.groups ?? [] }));
      const groups = [...new Set(points.flatMap((p) => p.groups.map((g) => g.group)))];
      return { indicator, points, groups };
    })
    .filter((series) => series.points.length > 0);
}

/** A month as a number on a time axis: months since year 0. */
const monthNumber = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/**
 * Where on the time axis each period sits, between 0 and 1: at the middle of the months it covers,
 * so a month, a term and a school year are drawn where they belong.
 */
export function timeAxis(periods: readonly string[]): (period: string) => number {
  const middles = new Map(periods.map((p) => {
    const span = periodSpan(p);
    return [p, (monthNumber(span.from) + monthNumber(span.to)) / 2];
  }));
  const values = [...middles.values()];
  const min = Math.min(...values);
  const span = Math.max(...values) - min;
  return (period) => (span === 0 ? 0.5 : ((middles.get(period) ?? min) - min) / span);
}

/** The kind with the most points (the finest on a tie): its line carries the groups. */
export function mainKind(series: Pick<Series, 'points'>): PeriodKind {
  const count = (kind: PeriodKind) => series.points.filter((p) => p.kind === kind).length;
  return (['month', 'term', 'schoolYear'] as const).reduce((best, kind) => (count(kind) > count(best) ? kind : best), 'month');
}
