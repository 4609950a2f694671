/**
 * The goal hierarchy of a school year as the "Mål" views show it: each organizer goal (nämndmål)
 * with the areas under it and the unit goals under each, and under every unit goal its actions
 * with their status and evaluation, so what has been done under each goal shows. Pure.
 */
import type { Action, Goal } from '../domain';
import type { StoredItem } from '../store/port';
import { groupBy } from './rollup/group-by';

export interface GoalAction {
  readonly id: string;
  readonly title: string;
  readonly status: Action['status'];
  readonly dueDate: string;
  readonly evaluation?: string;
}

export interface UnitGoalNode {
  readonly goal: StoredItem<Goal>;
  readonly actions: readonly GoalAction[];
}

export interface AreaNode {
  readonly goal: StoredItem<Goal>;
  readonly unitGoals: readonly UnitGoalNode[];
}

export interface OrganizerGoalNode {
  readonly goal: StoredItem<Goal>;
  readonly areas: readonly AreaNode[];
  /** unit goals placed straight under the organizer goal */
  readonly unitGoals: readonly UnitGoalNode[];
}

export interface GoalTree {
  readonly schoolYear: string;
  readonly organizerGoals: readonly OrganizerGoalNode[];
  /** areas that stand under no organizer goal */
  readonly areas: readonly AreaNode[];
  /** unit goals whose parent is not among this year's goals (written before a parent was required) */
  readonly unplacedUnitGoals: readonly UnitGoalNode[];
}

const byTitle = (a: StoredItem<Goal>, b: StoredItem<Goal>) => a.fields.title.localeCompare(b.fields.title, 'sv');

function actionOf(item: StoredItem<Action>): GoalAction {
  const a = item.fields;
  return { id: item.id, title: a.title, status: a.status, dueDate: a.dueDate, ...(a.evaluation !== undefined ? { evaluation: a.evaluation } : {}) };
}

/** The tree of the year's `goals` (the organizer's, areas, and the unit goals shown) and the actions that point at them. */
export function goalTreeOf(schoolYear: string, goals: readonly StoredItem<Goal>[], actions: readonly StoredItem<Action>[]): GoalTree {
  const ofYear = goals.filter((g) => g.fields.schoolYear === schoolYear);
  const actionsByGoal = groupBy(actions, (a) => a.fields.goalId);
  const children = groupBy(ofYear, (g) => g.fields.parentGoalId);
  const ids = new Set(ofYear.filter((g) => g.fields.level !== 'unit').map((g) => g.id));
  const unitNode = (goal: StoredItem<Goal>): UnitGoalNode => ({
    goal,
    actions: [...(actionsByGoal.get(goal.id) ?? [])].sort((a, b) => a.fields.dueDate.localeCompare(b.fields.dueDate)).map(actionOf),
  });
  const unitGoalsUnder = (id: string) => (children.get(id) ?? []).filter((g) => g.fields.level === 'unit').sort(byTitle).map(unitNode);
  const areaNode = (goal: StoredItem<Goal>): AreaNode => ({ goal, unitGoals: unitGoalsUnder(goal.id) });
  const isArea = (g: StoredItem<Goal>) => g.fields.level === 'focusArea';
  const organizerIds = new Set(ofYear.filter((g) => g.fields.level === 'organizer').map((g) => g.id));
  return {
    schoolYear,
    organizerGoals: ofYear.filter((g) => g.fields.level === 'organizer').sort(byTitle).map((goal) => ({
      goal,
      areas: (children.get(goal.id) ?? []).filter(isArea).sort(byTitle).map(areaNode),
      unitGoals: unitGoalsUnder(goal.id),
    })),
    areas: ofYear.filter((g) => isArea(g) && !organizerIds.has(g.fields.parentGoalId ?? '')).sort(byTitle).map(areaNode),
    unplacedUnitGoals: ofYear.filter((g) => g.fields.level === 'unit' && !ids.has(g.fields.parentGoalId ?? '')).sort(byTitle).map(unitNode),
  };
}
