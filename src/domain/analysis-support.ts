/**
 * What an analyst looks for beside a result: the unit's values over time, the target, the groups,
 * the other units of the same type and the municipality, and the deviations that stand out, each
 * one a question the analysis should answer. Averages are of units' values for the same period:
 * aggregates, never another unit's own figure.
 */
import { z } from 'zod';
import type { Direction, UnitType } from './choices';
import { period } from './common';
import type { Indicator } from './indicator';
import type { Measurement, MunicipalityResult } from './measurement';
import { comparePeriods, parsePeriod } from './period';

/** A deviation that stands out, as the analysis should ask about it (the tab writes the question). */
export const DeviationSchema = z.discriminatedUnion('kind', [
  /** worse than the previous period of the same kind (term after term, year after year) */
  z.strictObject({ kind: z.literal('worseThanLast'), previousPeriod: period }),
  z.strictObject({ kind: z.literal('belowTarget') }),
  /** the gap between two groups grew since the previous period; `between[1]` is '' for a group against the total */
  z.strictObject({ kind: z.literal('gapGrew'), between: z.tuple([z.string(), z.string()]), previousGap: z.number(), gap: z.number() }),
  /** worse than the average of the other units of the same type */
  z.strictObject({ kind: z.literal('belowSameType') }),
]);
export type Deviation = z.infer<typeof DeviationSchema>;

export interface ResultSupport {
  /** the unit's values, oldest first */
  readonly series: readonly Pick<Measurement, 'period' | 'value' | 'groups'>[];
  readonly current?: Pick<Measurement, 'period' | 'value' | 'groups'>;
  readonly previous?: Pick<Measurement, 'period' | 'value' | 'groups'>;
  /** the average of the other units of the unit's type for the current period, and how many they are */
  readonly sameType?: { readonly average: number; readonly units: number };
  /** the average of every unit's value for the current period, and how many units */
  readonly municipality?: { readonly average: number; readonly units: number };
  /** the municipality's own value for the current period as Kolada publishes it ("Kommunen enligt Kolada") */
  readonly koladaMunicipality?: number;
  readonly deviations: Deviation[];
}

/** Whether `value` is worse than `than` for an indicator going `direction`. */
export function isWorse(value: number, than: number, direction: Direction): boolean {
  return direction === 'higherIsBetter' ? value < than : value > than;
}

const average = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
const groupValue = (m: Pick<Measurement, 'groups'>, group: string) => m.groups?.find((g) => g.group === group)?.value;

/**
 * The gaps the analysis looks at: girls against boys when both are measured, and every other
 * group against the total (the compensatory mission: nyanlända, elever med annat modersmål …).
 */
function gaps(m: Pick<Measurement, 'value' | 'groups'>): Map<string, { between: [string, string]; gap: number }> {
  const found = new Map<string, { between: [string, string]; gap: number }>();
  const girls = groupValue(m, 'Flickor');
  const boys = groupValue(m, 'Pojkar');
  if (girls !== undefined && boys !== undefined) found.set('Flickor|Pojkar', { between: ['Flickor', 'Pojkar'], gap: Math.abs(girls - boys) });
  for (const g of m.groups ?? []) {
    if (g.group === 'Flickor' || g.group === 'Pojkar') continue;
    found.set(`${g.group}|`, { between: [g.group, ''], gap: Math.abs(g.value - m.value) });
  }
  return found;
}

/**
 * The support for one indicator of a unit at an analysis period: its latest value up to the end of
 * that period, the previous one of the same kind, the averages of the same period, and what stands out.
 * `others` are the results of this indicator in the other units, each with its unit's type;
 * `published` the municipality's own results of this indicator (Kolada).
 */
export function resultSupport(
  indicator: Pick<Indicator, 'direction' | 'target'>,
  unit: { readonly type: UnitType },
  own: readonly Pick<Measurement, 'period' | 'value' | 'groups'>[],
  others: readonly { readonly unitType: UnitType; readonly measurement: Pick<Measurement, 'period' | 'value'> }[],
  period: string,
  published: readonly Pick<MunicipalityResult, 'period' | 'value'>[] = [],
): ResultSupport {
  // the points only: a stored result carries more than the support shows
  const series = own.map(({ period: at, value, groups }) => ({ period: at, value, ...(groups ? { groups } : {}) })).sort((a, b) => comparePeriods(a.period, b.period));
  const upTo = series.filter((m) => comparePeriods(m.period, period) <= 0);
  const current = upTo.at(-1);
  if (!current) return { series, deviations: [] };
  const kind = parsePeriod(current.period)?.kind;
  const previous = upTo.slice(0, -1).filter((m) => parsePeriod(m.period)?.kind === kind).at(-1);
  const samePeriod = others.filter((o) => o.measurement.period === current.period);
  const sameTypeValues = samePeriod.filter((o) => o.unitType === unit.type).map((o) => o.measurement.value);
  const allValues = [current.value, ...samePeriod.map((o) => o.measurement.value)];
  const sameType = sameTypeValues.length > 0 ? { average: average(sameTypeValues), units: sameTypeValues.length } : undefined;
  const municipality = allValues.length > 1 ? { average: average(allValues), units: allValues.length } : undefined;
  const koladaMunicipality = published.find((r) => r.period === current.period)?.value;

  const deviations: Deviation[] = [];
  if (previous && isWorse(current.value, previous.value, indicator.direction)) deviations.push({ kind: 'worseThanLast', previousPeriod: previous.period });
  if (indicator.target !== undefined && isWorse(current.value, indicator.target, indicator.direction)) deviations.push({ kind: 'belowTarget' });
  if (previous) {
    const before = gaps(previous);
    for (const [key, now] of gaps(current)) {
      const then = before.get(key);
      // rounding noise is no deviation: a gap grows by at least a hundredth of the value
      if (then && now.gap - then.gap > Math.max(Math.abs(current.value) / 100, 1e-9)) {
        deviations.push({ kind: 'gapGrew', between: now.between, previousGap: then.gap, gap: now.gap });
      }
    }
  }
  if (sameType && isWorse(current.value, sameType.average, indicator.direction)) deviations.push({ kind: 'belowSameType' });
  return { series, current, ...(previous ? { previous } : {}), ...(sameType ? { sameType } : {}), ...(municipality ? { municipality } : {}), ...(koladaMunicipality !== undefined ? { koladaMunicipality } : {}), deviations };
}
