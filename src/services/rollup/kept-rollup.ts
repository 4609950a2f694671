/**
 * A school year's roll-up kept between views, with the units' parts it was put together from and
 * what it was counted at: the day and each list's change version.
 *
 * Why parts: in a municipality of 600 units someone changes something every minute, so a roll-up
 * kept whole would almost never be used, and counting it from every item takes seconds. A change
 * in one unit (a result, an action's status, an analysis, a deficiency, feedback, a meeting, the
 * unit renamed or moved to another area, a new unit) changes only that unit's part; what gathers
 * over units (the rows' order, the phase summary, the comparisons and their averages, the
 * register, the lists of what needs attention, the board's view) is put together again from the
 * parts, which takes milliseconds. Which units changed comes from the read model
 * (`ReadView.changedSince`: each changed item as it was and as it is, touched-units.ts), not from
 * fingerprints of every unit's items, so a view after one change reads one unit's items.
 *
 * A new day (overdue is counted against it), a change to the indicators (which apply to whom,
 * targets, order), a change to a list not known by unit, or a read model that no longer knows
 * what changed counts every part again. Either way the answer equals `computeRollup` of the same
 * data (rollup-kept.spec.ts holds that after every kind of change).
 */
import { isArchived } from '../../domain';
import { assembleRollup } from './assemble';
import { rollupContext, unitPartsOf } from './compute';
import { municipalityResultsOf, rollupDataOf, unitRecordsIn, versionsOf, type RollupView } from './load';
import { touchedUnits } from './touched-units';
import type { Rollup, RollupContext } from './types';
import { unitPart, type UnitPart } from './unit-part';

export interface KeptRollup {
  /** the day it was counted on ("YYYY-MM-DD") */
  readonly today: string;
  /** each list's change version it was counted at, in `rollupLists`' order */
  readonly versions: readonly number[];
  readonly context: RollupContext;
  /** every unit's part, by unit id: the units not archived */
  readonly parts: ReadonlyMap<string, UnitPart>;
  readonly rollup: Rollup;
}

/** What the roll-up is counted for. */
export interface RollupRequest {
  readonly schoolYear: RollupContext['schoolYear'];
  readonly trendYears: number;
  readonly today: string;
}

/**
 * The roll-up of `view` for `request`: `held` itself when nothing changed since it was counted,
 * `held` with the parts of the units a change touched counted again, or counted from every item.
 */
export function keptRollup(view: RollupView, request: RollupRequest, held: KeptRollup | undefined): KeptRollup {
  const versions = versionsOf(view);
  const sameDay = held?.today === request.today && held.context.schoolYear === request.schoolYear;
  if (held && sameDay && versions.every((version, n) => version === held.versions[n])) return held;
  const touched = held && sameDay ? touchedUnits(view, held.versions) : undefined;
  if (!held || !touched) return counted(view, request, versions);
  const { context } = held;
  const parts = new Map(held.parts);
  for (const unitId of touched) {
    const unit = view.get('units', unitId);
    // an archived unit keeps its history but leaves the roll-up
    if (!unit || isArchived(unit.fields)) parts.delete(unitId);
    else parts.set(unitId, unitPart(unitRecordsIn(view, unit, context.years), context));
  }
  return { today: request.today, versions, context, parts, rollup: assembleRollup(context, parts.values(), municipalityResultsOf(view, context.years)) };
}

/** Counted from every item of `view`. */
function counted(view: RollupView, request: RollupRequest, versions: readonly number[]): KeptRollup {
  const data = rollupDataOf(view, request.schoolYear, request.trendYears);
  const context = rollupContext(data, request.today);
  const parts = unitPartsOf(data, context);
  return { today: request.today, versions, context, parts, rollup: assembleRollup(context, parts.values(), data.municipalityResults) };
}
