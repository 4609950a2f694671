/** Results against target across units and years: one comparison per indicator. */
import { comparePeriods, parsePeriod, type Indicator, type Measurement, type PeriodKind, type SchoolYear } from '../../domain';
import { groupBy } from './group-by';
import type { IndicatorComparison, Item, RollupContext, UnitResult } from './types';

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

/** A unit's result for each indicator the context compares, in its order, from the unit's results (`UnitRecords.measurements`). */
export function unitResults(context: Pick<RollupContext, 'years' | 'compared'>, unitId: string, measurements: readonly Item<'measurements'>[]): UnitResult[] {
  const byIndicator = groupBy(measurements, (m) => m.fields.indicatorId);
  const [current, previous] = context.years;
  return context.compared.map((indicator) => {
    const i = indicator.fields;
    const measured = (byIndicator.get(indicator.id) ?? []).map((m) => m.fields);
    const values: Record<SchoolYear, number> = {};
    for (const year of context.years) {
      const value = yearValue(measured, year);
      if (value !== undefined) values[year] = value;
    }
    const now = current !== undefined ? values[current] : undefined;
    const before = previous !== undefined ? values[previous] : undefined;
    const met = now !== undefined ? meetsTarget(now, i) : undefined;
    return {
      unitId,
      values,
      ...(met !== undefined ? { meetsTarget: met } : {}),
      ...(now !== undefined && before !== undefined ? { trend: trendOf(now, before, i.direction) } : {}),
    };
  });
}

/**
 * The comparison of each indicator across units: `results` holds each unit's (`unitResults`), the
 * units in the roll-up's order; the averages are taken in that order.
 */
export function compareIndicators(
  context: Pick<RollupContext, 'years' | 'compared'>, results: readonly (readonly UnitResult[])[], municipalityResults: readonly Item<'municipalityResults'>[],
): IndicatorComparison[] {
  const municipalityByIndicator = groupBy(municipalityResults, (r) => r.fields.indicatorId);
  const [current] = context.years;
  return context.compared.map((indicator, n) => {
    const i = indicator.fields;
    const units = results.map((unit) => unit[n]).filter((r): r is UnitResult => r !== undefined);
    const averages: Record<SchoolYear, number> = {};
    const municipality: Record<SchoolYear, number> = {};
    const published = (municipalityByIndicator.get(indicator.id) ?? []).map((r) => r.fields);
    for (const year of context.years) {
      const values = units.map((r) => r.values[year]).filter((v): v is number => v !== undefined);
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
      units,
      meetingTarget: units.filter((r) => r.meetsTarget === true).length,
      withValue: units.filter((r) => current !== undefined && r.values[current] !== undefined).length,
    };
  });
}

function trendOf(now: number, before: number, direction: Indicator['direction']): 'better' | 'worse' | 'same' {
  if (now === before) return 'same';
  return (now > before) === (direction === 'higherIsBetter') ? 'better' : 'worse';
}
