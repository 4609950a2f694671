import type { GoalTree } from '../../../../src/contract';
import type { Translate } from '../../i18n/i18n';

/** What a unit goal can stand under: the year's organizer goals and their areas, and the areas standing alone. */
export function goalParents(tree: GoalTree, t: Translate): { id: string; label: string }[] {
  const board = (title: string) => `${t('vocab.goalLevel.organizer')}: ${title}`;
  const area = (title: string) => `${t('vocab.goalLevel.focusArea')}: ${title}`;
  return [
    ...tree.organizerGoals.flatMap((node) => [
      { id: node.goal.id, label: board(node.goal.title) },
      ...node.areas.map((a) => ({ id: a.goal.id, label: `${area(a.goal.title)} (${node.goal.title})` })),
    ]),
    ...tree.areas.map((a) => ({ id: a.goal.id, label: area(a.goal.title) })),
  ];
}
