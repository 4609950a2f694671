/**
 * Which indicators a unit is followed up on: those that apply to its type and are in use in the
 * school year. Pure, without zod, so the tab's result grid offers the same rows the cycle counts.
 */
import type { SchoolYear } from './common';
import type { UnitType } from './choices';
import type { Indicator } from './indicator';

/** Whether an indicator applies to a unit of this type (one without unit types applies to all). */
export function appliesTo(indicator: Pick<Indicator, 'unitTypes'>, type: UnitType): boolean {
  return indicator.unitTypes === undefined || indicator.unitTypes.includes(type);
}

/** Whether an indicator is in use in a school year: not archived in it or before it (a school year ends on 30 June). */
export function inUseIn(indicator: Pick<Indicator, 'archivedOn'>, year: SchoolYear): boolean {
  return indicator.archivedOn === undefined || indicator.archivedOn >= `${Number(year.slice(0, 4)) + 1}-07-01`;
}

/**
 * The ids of the indicators a unit of `type` is followed up on in `year`: those that apply to its
 * type and were not archived by then (the Uppföljning phase counts these).
 */
export function indicatorIdsFor<I extends { readonly id: string; readonly fields: Pick<Indicator, 'unitTypes' | 'archivedOn'> }>(
  indicators: readonly I[], type: UnitType, year: SchoolYear,
): string[] {
  return indicators.filter((i) => appliesTo(i.fields, type) && inUseIn(i.fields, year)).map((i) => i.id);
}
