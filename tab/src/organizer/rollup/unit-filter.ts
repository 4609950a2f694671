/**
 * Which of the roll-up's units are shown: a large municipality has some 600, and the
 * administration looks for a few (the preschools, the units working on an area, the units in the
 * analysis phase, the ones that need attention now, one by name). Pure, so it is tested alone.
 */
import type { Rollup, RollupUnit } from '../../../../src/contract';
import type { Phase, UnitType } from '../../../../src/domain';

export interface UnitFilter {
  /** part of the unit's name or its skolenhetskod; empty: any */
  readonly search: string;
  readonly type: UnitType | undefined;
  /** an area to develop as the roll-up groups them (`commonAreasToDevelop[].area`) */
  readonly area: string | undefined;
  /** the phase the unit's cycle is in now (the first not done); 'turned': every phase done */
  readonly phase: Phase | 'turned' | undefined;
  readonly needsAttention: boolean;
}

export const noFilter: UnitFilter = { search: '', type: undefined, area: undefined, phase: undefined, needsAttention: false };

/**
 * What the administration has to act on: overdue actions, an open deficiency past its deadline
 * or without any action answering it, or a submitted analysis still without feedback.
 */
export function needsAttention(unit: RollupUnit): boolean {
  return unit.overdueActions > 0 || unit.overdueDeficiencies > 0 || unit.deficienciesWithoutAction > 0 || unit.feedback === 'waiting';
}

const folded = (text: string): string => text.toLocaleLowerCase('sv-SE').normalize('NFC').trim();

export function filterUnits(rollup: Pick<Rollup, 'units' | 'commonAreasToDevelop'>, filter: UnitFilter): RollupUnit[] {
  const search = folded(filter.search);
  const inArea = filter.area === undefined ? undefined : new Set(rollup.commonAreasToDevelop.find((a) => a.area === filter.area)?.unitIds ?? []);
  return rollup.units.filter((unit) =>
    (search === '' || folded(unit.name).includes(search) || unit.schoolUnitCode.includes(search))
    && (filter.type === undefined || unit.type === filter.type)
    && (inArea === undefined || inArea.has(unit.unitId))
    && (filter.phase === undefined || (filter.phase === 'turned' ? unit.cycle.current === undefined : unit.cycle.current === filter.phase))
    && (!filter.needsAttention || needsAttention(unit)));
}

/** Whether any part of the filter narrows the units. */
export function isFiltered(filter: UnitFilter): boolean {
  return filter.search.trim() !== '' || filter.type !== undefined || filter.area !== undefined || filter.phase !== undefined || filter.needsAttention;
}
