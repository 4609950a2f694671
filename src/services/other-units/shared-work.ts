/**
 * What other units have published, as principals read it in "Andra enheter": submitted analyses
 * and actions, each with the focus areas and indicators it is linked to, and which units work on
 * each focus area. Pure: the service reads the lists and decides who may see which unit.
 */
import { comparePeriods, type Action, type Analysis, type Goal, type Measurement } from '../../domain';
import type { StoredItem } from '../../store/port';

/** What to search for: a focus area, an indicator, or both. */
export interface SharedWorkSearch {
  readonly focusAreaId?: string;
  readonly indicatorId?: string;
}

export interface SharedAnalysisWork {
  readonly analysis: StoredItem<Analysis>;
  readonly focusAreaIds: readonly string[];
  readonly indicatorIds: readonly string[];
}

export interface SharedActionWork {
  readonly action: StoredItem<Action>;
  /** the submitted analysis it came from, when there is one */
  readonly analysisId?: string;
  readonly focusAreaIds: readonly string[];
  readonly indicatorIds: readonly string[];
}

export interface UnitWork {
  readonly analyses: readonly SharedAnalysisWork[];
  readonly actions: readonly SharedActionWork[];
  /** every focus area the unit works on this year, whatever the search */
  readonly focusAreaIds: ReadonlySet<string>;
}

/** What a unit's work is read against: the year's goals and the results its analyses link. */
export interface SharedWorkContext {
  readonly goals: ReadonlyMap<string, Goal>;
  readonly measurement: (id: string) => Pick<Measurement, 'indicatorId'> | undefined;
}

/** The focus area a goal is or belongs to: the area itself, or a unit goal placed under one. */
function focusAreaOf(goalId: string | undefined, goals: ReadonlyMap<string, Goal>): string | undefined {
  if (goalId === undefined) return undefined;
  const goal = goals.get(goalId);
  if (goal?.level === 'focusArea') return goalId;
  if (goal?.level === 'unit' && goal.parentGoalId !== undefined && goals.get(goal.parentGoalId)?.level === 'focusArea') return goal.parentGoalId;
  return undefined;
}

const unique = (values: readonly (string | undefined)[]): string[] => [...new Set(values.filter((value): value is string => value !== undefined))];

function matches(work: { focusAreaIds: readonly string[]; indicatorIds: readonly string[] }, search: SharedWorkSearch): boolean {
  return (search.focusAreaId === undefined || work.focusAreaIds.includes(search.focusAreaId))
    && (search.indicatorId === undefined || work.indicatorIds.includes(search.indicatorId));
}

/**
 * One unit's published work of the year: its submitted analyses (never a draft) and its actions,
 * those that match the search, and the focus areas it works on (its goals under an area, and the
 * areas its analyses and actions are linked to).
 */
export function unitWork(
  analyses: readonly StoredItem<Analysis>[],
  actions: readonly StoredItem<Action>[],
  unitGoalIds: readonly string[],
  context: SharedWorkContext,
  search: SharedWorkSearch,
): UnitWork {
  const shared = analyses
    .filter((analysis) => analysis.fields.status !== 'draft')
    .map((analysis) => ({
      analysis,
      focusAreaIds: unique(analysis.fields.goalIds.map((goalId) => focusAreaOf(goalId, context.goals))),
      indicatorIds: unique(analysis.fields.measurementIds.map((id) => context.measurement(id)?.indicatorId)),
    }));
  const byId = new Map(shared.map((work) => [work.analysis.id, work]));
  const actionWork = actions.map((action): SharedActionWork => {
    const origin = action.fields.originKind === 'analysis' ? byId.get(action.fields.originId) : undefined;
    return {
      action,
      ...(origin ? { analysisId: origin.analysis.id } : {}),
      focusAreaIds: unique([focusAreaOf(action.fields.goalId, context.goals), ...(origin?.focusAreaIds ?? [])]),
      indicatorIds: origin?.indicatorIds ?? [],
    };
  });
  const focusAreaIds = new Set([
    ...unique(unitGoalIds.map((goalId) => focusAreaOf(goalId, context.goals))),
    ...shared.flatMap((work) => work.focusAreaIds),
    ...actionWork.flatMap((work) => work.focusAreaIds),
  ]);
  return {
    analyses: shared.filter((work) => matches(work, search)).sort((a, b) => comparePeriods(b.analysis.fields.period, a.analysis.fields.period)),
    actions: actionWork.filter((work) => matches(work, search)).sort((a, b) => a.action.fields.dueDate.localeCompare(b.action.fields.dueDate)),
    focusAreaIds,
  };
}

/** The Teams chat with a person, when their address is known. */
export function teamsChatUrl(address: string | undefined): string | undefined {
  if (address === undefined || address === '') return undefined;
  return `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(address)}`;
}
