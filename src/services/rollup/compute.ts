/**
 * The roll-up computed from what the loader read. Pure: the same data gives the same roll-up.
 * It is the sum of its units' parts (unit-part.ts), put together by assemble.ts; the service
 * recomputes only the parts a change touches, and this computes every one.
 */
import { isArchived } from '../../domain';
import { assembleRollup, byName } from './assemble';
import { groupBy } from './group-by';
import type { Rollup, RollupContext, RollupData } from './types';
import { unitPart, type UnitPart, type UnitRecords } from './unit-part';

/** What every unit's part is counted against: the school year, its years, the day and the indicators. */
export function rollupContext(data: Pick<RollupData, 'schoolYear' | 'years' | 'indicators'>, today: string): RollupContext {
  return {
    schoolYear: data.schoolYear,
    years: data.years,
    today,
    indicators: data.indicators,
    compared: [...data.indicators].sort((a, b) => byName(a.fields.name, b.fields.name)),
  };
}

/** The items of `data` unit by unit, in the order `data` holds them: of every unit not archived. */
export function unitRecordsOf(data: RollupData): UnitRecords[] {
  const goals = groupBy(data.goals, (g) => g.fields.unitId);
  const measurements = groupBy(data.measurements, (m) => m.fields.unitId);
  const analyses = groupBy(data.analyses, (a) => a.fields.unitId);
  const actions = groupBy(data.actions, (a) => a.fields.unitId);
  const deficiencies = groupBy(data.deficiencies, (d) => d.fields.unitId);
  const meetings = groupBy(data.meetings, (m) => m.fields.unitId);
  const feedback = groupBy(data.feedback, (f) => f.fields.unitId);
  const feedbackByAnalysis = groupBy(data.feedback, (f) => f.fields.analysisId);
  // an archived unit keeps its history but leaves the roll-up
  return data.units.filter((unit) => !isArchived(unit.fields)).map((unit) => ({
    unit,
    goals: goals.get(unit.id) ?? [],
    measurements: measurements.get(unit.id) ?? [],
    analyses: analyses.get(unit.id) ?? [],
    actions: actions.get(unit.id) ?? [],
    deficiencies: deficiencies.get(unit.id) ?? [],
    meetings: meetings.get(unit.id) ?? [],
    feedbackByAnalysis,
    feedback: feedback.get(unit.id) ?? [],
  }));
}

/** Every unit's part of the roll-up of `data`, by unit id. */
export function unitPartsOf(data: RollupData, context: RollupContext): Map<string, UnitPart> {
  return new Map(unitRecordsOf(data).map((records) => [records.unit.id, unitPart(records, context)]));
}

/** The roll-up of `data` on `today` ("YYYY-MM-DD", against which overdue is counted). */
export function computeRollup(data: RollupData, today: string): Rollup {
  const context = rollupContext(data, today);
  return assembleRollup(context, unitPartsOf(data, context).values(), data.municipalityResults);
}
