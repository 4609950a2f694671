/** Results against target across units and years: one comparison per indicator. */
import { comparePeriods, parsePeriod, type Indicator, type Measurement, type PeriodKind, type SchoolYear } from '../../domain';
import { groupBy } from './group-by';
import type { IndicatorComparison, Item, RollupData, UnitResult } from './types';

const kindRank: Readonly<Record<PeriodKind, number>> = { schoolYear: 3, term: 2, month: 1 };

/**
 * The value of an indicator for a unit in a school year, the one the roll-up compares: the whole
 * year's if recorded, else the latest term's (spring over autumn), else the latest month's. A
 * school year's value sums it up; a term's or a month's is what is known so far.
 */
export function yearValue(measurements: readonly Pick<Measurement, 'period' | 'value'>[], year: SchoolYear): number | undefined {
  let best: { rank: number; period: string; value: number } | undefined;
  for (const m of measurements) {
    const parsed = parsePeriod(m.period);
    if (parsed?.schoolYear !== year) continue;
    const rank = kindRank[parsed.kind];
    if (!best || rank > best.rank || (rank === best.rank && comparePeriods(m.period, best.period) > 0)) best = { rank, period: m.period, value: m.value };
  }
  return best?.value;
}

/** Whether a value meets the target, given which way is better. */
export function meetsTarget(value: number, indicator: Pick<Indicator, 'direction' | 'target'>): boolean | undefined {
  if (indicator.target === undefined) return undefined;
  return indicator.direction === 'higherIsBetter' ? value >= indicator.target : value <= indicator.target;
}

export function compareIndicators(data: RollupData, units: readonly Item<'units'>[]): IndicatorComparison[] {
  const byIndicatorUnit = groupBy(data.measurements, (m) => `${m.fields.indicatorId}|${m.fields.unitId}`);
  const municipalityByIndicator = groupBy(data.municipalityResults, (r) => r.fields.indicatorId);
  const [current, previous] = data.years;
  return [...data.indicators]
    .sort((a, b) => a.fields.name.localeCompare(b.fields.name, 'sv'))
    .map((indicator) => {
      const i = indicator.fields;
      const results: UnitResult[] = units.map((unit) => {
        const measured = (byIndicatorUnit.get(`${indicator.id}|${unit.id}`) ?? []).map((m) => m.fields);
        const values: Record<SchoolYear, number> = {};
        for (const year of data.years) {
          const value = yearValue(measured, year);
          if (value !== undefined) values[year] = value;
        }
        const now = current !== undefined ? values[current] : undefined;
        const before = previous !== undefined ? values[previous] : undefined;
        const met = now !== undefined ? meetsTarget(now, i) : undefined;
        return {
          unitId: unit.id,
          values,
          ...(met !== undefined ? { meetsTarget: met } : {}),
          ...(now !== undefined && before !== undefined ? { trend: trendOf(now, before, i.direction) } : {}),
        };
      });
      const averages: Record<SchoolYear, number> = {};
      const municipality: Record<SchoolYear, number> = {};
      const published = (municipalityByIndicator.get(indicator.id) ?? []).map((r) => r.fields);
      for (const year of data.years) {
        const values = results.map((r) => r.values[year]).filter((v): v is number => v !== undefined);
        if (values.length > 0) averages[year] = Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 100) / 100;
        const own = yearValue(published, year);
        if (own !== undefined) municipality[year] = own;
      }
      return {
        indicatorId: indicator.id,
        name: i.name,
        unitOfMeasure: i.unitOfMeasure,
        direction: i.direction,
        ...(i.target !== undefined ? { target: i.target } : {}),
        averages,
        ...(Object.keys(municipality).length > 0 ? { municipality } : {}),
        units: results,
        meetingTarget: results.filter((r) => r.meetsTarget === true).length,
        withValue: results.filter((r) => current !== undefined && r.values[current] !== undefined).length,
      };
    });
}

function trendOf(now: number, before: number, direction: Indicator['direction']): 'better' | 'worse' | 'same' {
  if (now === before) return 'same';
  return (now > before) === (direction === 'higherIsBetter') ? 'better' : 'worse';
}
