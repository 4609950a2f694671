/**
 * The roll-up put together from the units' parts: the rows in name order, how many units are in
 * each phase, the comparison of each indicator, and the lists gathered over units. Every order is
 * a total one (ties go by id, as the lists hold their items), so the same parts give the same
 * roll-up in whatever order they come: kept ones and recomputed ones alike.
 */
import { phases, type Phase, type PhaseState } from '../../domain';
import { commonAreas } from './areas';
import { compareIndicators } from './indicators';
import type { Item, Rollup, RollupContext, RollupDeficiency } from './types';
import type { UnitPart } from './unit-part';

/** Names in Swedish order. */
export const byName = new Intl.Collator('sv').compare;

/** Ids in the order a list holds its items (read-model.ts: by id). */
export function byItemId(a: string, b: string): number {
  return Number(a) - Number(b) || a.localeCompare(b);
}

/** The register's order: open ones first, then by the day they were found. */
function byRegister(a: RollupDeficiency, b: RollupDeficiency): number {
  const order = a.status === b.status ? a.foundOn.localeCompare(b.foundOn) : a.status === 'open' ? -1 : 1;
  return order || byItemId(a.id, b.id);
}

/** The roll-up of the non-archived units whose `parts` these are, with the municipality's own results of the context's years. */
export function assembleRollup(context: RollupContext, parts: Iterable<UnitPart>, municipalityResults: readonly Item<'municipalityResults'>[]): Rollup {
  const units = [...parts].sort((a, b) => byName(a.row.name, b.row.name) || byItemId(a.row.unitId, b.row.unitId));
  const rows = units.map((part) => part.row);
  const phaseSummary = Object.fromEntries(
    phases.map((phase) => {
      const counts: Record<PhaseState, number> = { notStarted: 0, inProgress: 0, done: 0 };
      for (const row of rows) counts[row.cycle.phases[phase]] += 1;
      return [phase, counts];
    }),
  ) as Record<Phase, Record<PhaseState, number>>;
  const submitted = units.flatMap((part) => part.submitted).sort((a, b) => byItemId(a.id, b.id));
  return {
    schoolYear: context.schoolYear,
    years: context.years,
    today: context.today,
    units: rows,
    phaseSummary,
    indicators: compareIndicators(context, units.map((part) => part.results), municipalityResults),
    deficiencies: units.flatMap((part) => part.deficiencies).sort(byRegister),
    overdueActions: units.filter((part) => part.overdueActions.length > 0).map((part) => ({ unitId: part.row.unitId, actions: part.overdueActions })),
    commonAreasToDevelop: commonAreas(submitted.map((a) => a.fields)),
    awaitingFeedback: units.flatMap((part) => part.awaitingFeedback).sort((a, b) => byItemId(a.analysisId, b.analysisId)),
    unreadFeedback: units.flatMap((part) => part.unreadFeedback).sort((a, b) => byItemId(a.feedbackId, b.feedbackId)),
  };
}
