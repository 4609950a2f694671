/**
 * One unit's part of the roll-up: its row, its result for each indicator, and its entries in the
 * lists the roll-up gathers over units (the deficiency register, overdue actions, submitted
 * analyses, feedback awaited and unread). Computed from the unit's own items only, so a change in
 * one unit recomputes one part (see rollup-service.ts); `assemble.ts` puts the parts together.
 */
import {
  deficiencyFlags, deriveCycleState, indicatorIdsFor, isOpen, isOverdue,
  type Action, type Analysis, type Feedback, type SchoolYear,
} from '../../domain';
import { groupBy } from './group-by';
import { unitResults } from './indicators';
import type { FeedbackState, Item, RollupAction, RollupContext, RollupDeficiency, RollupUnit, UnitResult } from './types';

/**
 * A unit's items as the roll-up reads them. Results, goals, analyses and actions of every year
 * read, year by year (the school year first) and by id within a year: the order the whole
 * roll-up reads them in, which decides between two results of one period.
 */
export interface UnitRecords {
  readonly unit: Item<'units'>;
  readonly goals: readonly Item<'goals'>[];
  readonly measurements: readonly Item<'measurements'>[];
  readonly analyses: readonly Item<'analyses'>[];
  readonly actions: readonly Item<'actions'>[];
  /** every one of the unit's, by id */
  readonly deficiencies: readonly Item<'deficiencies'>[];
  /** the school year's, by id */
  readonly meetings: readonly Item<'meetings'>[];
  /** the school year's feedback given on each analysis (at least on each of the unit's), by id */
  readonly feedbackByAnalysis: ReadonlyMap<string, readonly Item<'feedback'>[]>;
  /** the school year's feedback given to the unit, by id */
  readonly feedback: readonly Item<'feedback'>[];
}

export interface AwaitingFeedback {
  readonly unitId: string;
  readonly analysisId: string;
  readonly submittedAt?: string;
}

export interface UnreadFeedback {
  readonly unitId: string;
  readonly feedbackId: string;
  readonly givenAt: string;
}

export interface UnitPart {
  readonly row: RollupUnit;
  /** one for each indicator of the context's `compared`, in its order */
  readonly results: readonly UnitResult[];
  /** the unit's deficiencies in the school year's register (open, or closed in the year), by id */
  readonly deficiencies: readonly RollupDeficiency[];
  /** by due date */
  readonly overdueActions: readonly RollupAction[];
  /** the school year's analyses past draft, by id */
  readonly submitted: readonly Item<'analyses'>[];
  readonly awaitingFeedback: readonly AwaitingFeedback[];
  readonly unreadFeedback: readonly UnreadFeedback[];
}

const analysisRank: Record<Analysis['status'], number> = { draft: 0, submitted: 1, feedbackGiven: 2 };

/** The first and last day of a school year. */
function yearRange(year: SchoolYear): { from: string; to: string } {
  const start = Number(year.slice(0, 4));
  return { from: `${start}-07-01`, to: `${start + 1}-06-30` };
}

export function summarizeAction(item: Item<'actions'>): RollupAction {
  const a: Action = item.fields;
  return {
    id: item.id, unitId: a.unitId, title: a.title, dueDate: a.dueDate, status: a.status, originKind: a.originKind,
    originId: a.originId, schoolYear: a.schoolYear, ownerId: a.ownerId, ...(a.ownerName !== undefined ? { ownerName: a.ownerName } : {}),
  };
}

/** The part of the unit of `records` (not archived) on the context's day. */
export function unitPart(records: UnitRecords, context: RollupContext): UnitPart {
  const { unit } = records;
  const { schoolYear, years, today } = context;
  const fields = {
    measurements: records.measurements.map((m) => m.fields),
    analyses: records.analyses.map((a) => a.fields),
    goals: records.goals.map((g) => g.fields),
    actions: records.actions.map((a) => a.fields),
  };
  // each year counts the indicators that apply to the unit's type and were in use that year
  const cycleIn = (year: SchoolYear) => deriveCycleState(year, { indicatorIds: indicatorIdsFor(context.indicators, unit.fields.type, year), ...fields });
  const actionsByOrigin = groupBy(records.actions.filter((a) => a.fields.originKind === 'deficiency'), (a) => a.fields.originId);
  const actionsOf = (d: Item<'deficiencies'>) => actionsByOrigin.get(d.id) ?? [];
  const flagsOf = (d: Item<'deficiencies'>) => deficiencyFlags(d.fields, actionsOf(d).map((a) => a.fields), today);
  const openDeficiencies = records.deficiencies.filter((d) => d.fields.status === 'open').map(flagsOf);
  const analyses = records.analyses.filter((a) => a.fields.schoolYear === schoolYear);
  const furthest = [...analyses].sort((a, b) => analysisRank[b.fields.status] - analysisRank[a.fields.status])[0];
  const submitted = analyses.filter((a) => a.fields.status !== 'draft');
  const feedbackOn = (analysis: Item<'analyses'>) => records.feedbackByAnalysis.get(analysis.id) ?? [];
  const range = yearRange(schoolYear);

  const row: RollupUnit = {
    unitId: unit.id,
    name: unit.fields.name,
    type: unit.fields.type,
    schoolUnitCode: unit.fields.schoolUnitCode,
    cycle: cycleIn(schoolYear),
    cycleByYear: Object.fromEntries(years.map((year) => [year, cycleIn(year)])),
    analysisStatus: furthest?.fields.status ?? 'none',
    feedback: feedbackState(submitted, feedbackOn),
    openActions: records.actions.filter((a) => isOpen(a.fields)).length,
    overdueActions: records.actions.filter((a) => isOverdue(a.fields, today)).length,
    openDeficiencies: openDeficiencies.length,
    deficienciesWithoutAction: openDeficiencies.filter((f) => f.withoutAction).length,
    overdueDeficiencies: openDeficiencies.filter((f) => f.overdue).length,
    meetings: records.meetings.length,
  };
  return {
    row,
    results: unitResults(context, unit.id, records.measurements),
    deficiencies: records.deficiencies
      .filter((d) => (d.fields.status === 'open' || (d.fields.closedOn ?? d.fields.foundOn) >= range.from) && d.fields.foundOn <= range.to)
      .map((d) => ({ ...deficiencyOf(d, actionsOf(d)), ...flagsOf(d) })),
    overdueActions: records.actions.filter((a) => isOverdue(a.fields, today)).sort((a, b) => a.fields.dueDate.localeCompare(b.fields.dueDate)).map(summarizeAction),
    submitted,
    awaitingFeedback: submitted
      .filter((a) => feedbackOn(a).length === 0)
      .map((a) => ({ unitId: a.fields.unitId, analysisId: a.id, ...(a.fields.submittedAt !== undefined ? { submittedAt: a.fields.submittedAt } : {}) })),
    unreadFeedback: records.feedback
      .filter((f) => f.fields.readAt === undefined)
      .map((f) => ({ unitId: f.fields.unitId, feedbackId: f.id, givenAt: f.fields.givenAt })),
  };
}

function feedbackState(submitted: readonly Item<'analyses'>[], feedbackOn: (analysis: Item<'analyses'>) => readonly Item<'feedback'>[]): FeedbackState {
  if (submitted.length === 0) return 'noSubmission';
  if (submitted.some((a) => feedbackOn(a).length === 0)) return 'waiting';
  const feedback: Feedback[] = submitted.flatMap((a) => feedbackOn(a).map((f) => f.fields));
  return feedback.some((f) => f.readAt === undefined) ? 'unread' : 'read';
}

function deficiencyOf(item: Item<'deficiencies'>, actions: readonly Item<'actions'>[]): Omit<RollupDeficiency, 'withoutAction' | 'overdue'> {
  const d = item.fields;
  return {
    id: item.id, unitId: d.unitId, title: d.title, source: d.source, foundOn: d.foundOn, status: d.status,
    ...(d.deadline !== undefined ? { deadline: d.deadline } : {}),
    ...(d.closedOn !== undefined ? { closedOn: d.closedOn } : {}),
    actions: actions.map(summarizeAction),
  };
}
