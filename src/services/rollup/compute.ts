/** The roll-up computed from what the loader read. Pure: the same data gives the same roll-up. */
import {
  deriveCycleState, isArchived, isOpen, isOverdue, phases,
  type Action, type Analysis, type Feedback, type Phase, type PhaseState, type SchoolYear,
} from '../../domain';
import { commonAreas } from './areas';
import { groupBy } from './group-by';
import { compareIndicators } from './indicators';
import type { FeedbackState, Item, Rollup, RollupAction, RollupData, RollupDeficiency, RollupUnit } from './types';

const analysisRank: Record<Analysis['status'], number> = { draft: 0, submitted: 1, feedbackGiven: 2 };

function summarizeAction(item: Item<'actions'>): RollupAction {
  const a: Action = item.fields;
  return {
    id: item.id, unitId: a.unitId, title: a.title, dueDate: a.dueDate, status: a.status, originKind: a.originKind,
    originId: a.originId, schoolYear: a.schoolYear, ownerId: a.ownerId, ...(a.ownerName !== undefined ? { ownerName: a.ownerName } : {}),
  };
}

function yearRange(year: SchoolYear): { from: string; to: string } {
  const start = Number(year.slice(0, 4));
  return { from: `${start}-07-01`, to: `${start + 1}-06-30` };
}

/** The roll-up of `data` on `today` ("YYYY-MM-DD", against which overdue is counted). */
export function computeRollup(data: RollupData, today: string): Rollup {
  const { schoolYear, years } = data;
  const indicatorIds = data.indicators.map((i) => i.id);
  const goalsByUnit = groupBy(data.goals, (g) => g.fields.unitId);
  const measurementsByUnit = groupBy(data.measurements, (m) => m.fields.unitId);
  const analysesByUnit = groupBy(data.analyses, (a) => a.fields.unitId);
  const actionsByUnit = groupBy(data.actions, (a) => a.fields.unitId);
  const deficienciesByUnit = groupBy(data.deficiencies, (d) => d.fields.unitId);
  const meetingsByUnit = groupBy(data.meetings, (m) => m.fields.unitId);
  const feedbackByAnalysis = groupBy(data.feedback, (f) => f.fields.analysisId);
  // an archived unit keeps its history but leaves the roll-up
  const units = data.units.filter((unit) => !isArchived(unit.fields)).sort((a, b) => a.fields.name.localeCompare(b.fields.name, 'sv'));

  const rollupUnits: RollupUnit[] = units.map((unit) => {
    const records = {
      indicatorIds,
      measurements: (measurementsByUnit.get(unit.id) ?? []).map((m) => m.fields),
      analyses: (analysesByUnit.get(unit.id) ?? []).map((a) => a.fields),
      goals: (goalsByUnit.get(unit.id) ?? []).map((g) => g.fields),
      actions: (actionsByUnit.get(unit.id) ?? []).map((a) => a.fields),
    };
    const cycleByYear = Object.fromEntries(years.map((year) => [year, deriveCycleState(year, records)]));
    const analyses = (analysesByUnit.get(unit.id) ?? []).filter((a) => a.fields.schoolYear === schoolYear);
    const furthest = [...analyses].sort((a, b) => analysisRank[b.fields.status] - analysisRank[a.fields.status])[0];
    const actions = actionsByUnit.get(unit.id) ?? [];
    return {
      unitId: unit.id,
      name: unit.fields.name,
      type: unit.fields.type,
      schoolUnitCode: unit.fields.schoolUnitCode,
      cycle: deriveCycleState(schoolYear, records),
      cycleByYear,
      analysisStatus: furthest?.fields.status ?? 'none',
      feedback: feedbackState(analyses, feedbackByAnalysis),
      openActions: actions.filter((a) => isOpen(a.fields)).length,
      overdueActions: actions.filter((a) => isOverdue(a.fields, today)).length,
      openDeficiencies: (deficienciesByUnit.get(unit.id) ?? []).filter((d) => d.fields.status === 'open').length,
      meetings: (meetingsByUnit.get(unit.id) ?? []).length,
    };
  });

  const phaseSummary = Object.fromEntries(
    phases.map((phase) => {
      const counts: Record<PhaseState, number> = { notStarted: 0, inProgress: 0, done: 0 };
      for (const u of rollupUnits) counts[u.cycle.phases[phase]] += 1;
      return [phase, counts];
    }),
  ) as Record<Phase, Record<PhaseState, number>>;

  const unitIds = new Set(units.map((u) => u.id));
  const range = yearRange(schoolYear);
  const actionsByOrigin = groupBy(data.actions.filter((a) => a.fields.originKind === 'deficiency'), (a) => a.fields.originId);
  const deficiencies: RollupDeficiency[] = data.deficiencies
    .filter((d) => unitIds.has(d.fields.unitId))
    .filter((d) => d.fields.status === 'open' || (d.fields.closedOn ?? d.fields.foundOn) >= range.from)
    .filter((d) => d.fields.foundOn <= range.to)
    .sort((a, b) => (a.fields.status === b.fields.status ? a.fields.foundOn.localeCompare(b.fields.foundOn) : a.fields.status === 'open' ? -1 : 1))
    .map((d) => deficiencyOf(d, (actionsByOrigin.get(d.id) ?? []).filter((a) => a.fields.unitId === d.fields.unitId)));

  const overdueActions = units
    .map((unit) => ({
      unitId: unit.id,
      actions: (actionsByUnit.get(unit.id) ?? []).filter((a) => isOverdue(a.fields, today)).sort((a, b) => a.fields.dueDate.localeCompare(b.fields.dueDate)).map(summarizeAction),
    }))
    .filter((entry) => entry.actions.length > 0);

  const submitted = data.analyses.filter((a) => a.fields.schoolYear === schoolYear && a.fields.status !== 'draft' && unitIds.has(a.fields.unitId));
  const awaitingFeedback = submitted
    .filter((a) => (feedbackByAnalysis.get(a.id) ?? []).length === 0)
    .map((a) => ({ unitId: a.fields.unitId, analysisId: a.id, ...(a.fields.submittedAt !== undefined ? { submittedAt: a.fields.submittedAt } : {}) }));
  const unreadFeedback = data.feedback
    .filter((f) => f.fields.readAt === undefined && unitIds.has(f.fields.unitId))
    .map((f) => ({ unitId: f.fields.unitId, feedbackId: f.id, givenAt: f.fields.givenAt }));

  return {
    schoolYear,
    years,
    today,
    units: rollupUnits,
    phaseSummary,
    indicators: compareIndicators(data, units),
    deficiencies,
    overdueActions,
    commonAreasToDevelop: commonAreas(submitted.map((a) => a.fields)),
    awaitingFeedback,
    unreadFeedback,
  };
}

function feedbackState(analyses: readonly Item<'analyses'>[], feedbackByAnalysis: Map<string, Item<'feedback'>[]>): FeedbackState {
  const submitted = analyses.filter((a) => a.fields.status !== 'draft');
  if (submitted.length === 0) return 'noSubmission';
  const feedback: Feedback[] = submitted.flatMap((a) => (feedbackByAnalysis.get(a.id) ?? []).map((f) => f.fields));
  if (submitted.some((a) => (feedbackByAnalysis.get(a.id) ?? []).length === 0)) return 'waiting';
  return feedback.some((f) => f.readAt === undefined) ? 'unread' : 'read';
}

function deficiencyOf(item: Item<'deficiencies'>, actions: readonly Item<'actions'>[]): RollupDeficiency {
  const d = item.fields;
  return {
    id: item.id, unitId: d.unitId, title: d.title, source: d.source, foundOn: d.foundOn, status: d.status,
    ...(d.deadline !== undefined ? { deadline: d.deadline } : {}),
    ...(d.closedOn !== undefined ? { closedOn: d.closedOn } : {}),
    actions: actions.map(summarizeAction),
  };
}
