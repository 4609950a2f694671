import type { GoalList, GoalTree } from '../../contract';
import type { Goal } from '../../domain';
import type { AreaNode, GoalTree as Tree, UnitGoalNode } from '../../services/goal-tree';
import type { StoredItem } from '../../store/port';
import { represent } from './item';

const unitNode = (node: UnitGoalNode) => ({ goal: represent(node.goal), actions: node.actions });
const areaNode = (node: AreaNode) => ({ goal: represent(node.goal), unitGoals: node.unitGoals.map(unitNode) });

/** `GET /units/:unitId/goal-tree`, `GET /organizer/goal-tree`. */
export function presentGoalTree(tree: Tree): GoalTree {
  return {
    schoolYear: tree.schoolYear,
    organizerGoals: tree.organizerGoals.map((node) => ({ goal: represent(node.goal), areas: node.areas.map(areaNode), unitGoals: node.unitGoals.map(unitNode) })),
    areas: tree.areas.map(areaNode),
    unplacedUnitGoals: tree.unplacedUnitGoals.map(unitNode),
  };
}

/** `GET /goals`: the organizer's goals and areas, organizer goals first. */
export function presentGoalList(goals: readonly StoredItem<Goal>[]): GoalList {
  const order = { organizer: 0, focusArea: 1, unit: 2 } as const;
  return { items: [...goals].sort((a, b) => order[a.fields.level] - order[b.fields.level] || a.fields.title.localeCompare(b.fields.title, 'sv')).map(represent) };
}
