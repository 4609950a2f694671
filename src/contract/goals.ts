import { z } from 'zod';
import { ActionSchema, GoalSchema, schoolYear, type Goal as GoalFields } from '../domain';
import { itemSchema, listOf, listSchema, pageSchema, type Item, type ItemPage } from './item';

/** `/units/:unitId/goals`, `/goals`, `/goals/:id`. */
export const GoalItemSchema = itemSchema(GoalSchema);
export type Goal = Item<GoalFields>;
export const GoalPageSchema = pageSchema(GoalItemSchema);
export type GoalPage = ItemPage<GoalFields>;
/** `GET /goals`: the organizer's goals and prioritized areas of a school year. */
export const GoalListSchema = listSchema(GoalItemSchema);
export type GoalList = z.infer<typeof GoalListSchema>;

/** An action under a unit goal, as the hierarchy shows what has been done: never who owns it. */
export const GoalActionSchema = ActionSchema.pick({ title: true, status: true, dueDate: true, evaluation: true }).extend({ id: z.string().min(1) });
export type GoalAction = z.infer<typeof GoalActionSchema>;

export const UnitGoalNodeSchema = z.strictObject({ goal: GoalItemSchema, actions: listOf(GoalActionSchema) });
export type UnitGoalNode = z.infer<typeof UnitGoalNodeSchema>;
export const AreaNodeSchema = z.strictObject({ goal: GoalItemSchema, unitGoals: listOf(UnitGoalNodeSchema) });
export type AreaNode = z.infer<typeof AreaNodeSchema>;

/**
 * `GET /units/:unitId/goal-tree`, `GET /organizer/goal-tree`: a school year's hierarchy, organizer
 * goal → area → unit goal → actions (with status and evaluation).
 */
export const GoalTreeSchema = z.strictObject({
  schoolYear,
  organizerGoals: listOf(z.strictObject({
    goal: GoalItemSchema,
    areas: listOf(AreaNodeSchema),
    /** unit goals placed straight under the organizer goal */
    unitGoals: listOf(UnitGoalNodeSchema),
  })),
  /** areas that stand under no organizer goal */
  areas: listOf(AreaNodeSchema),
  /** unit goals whose parent is not among the year's goals */
  unplacedUnitGoals: listOf(UnitGoalNodeSchema),
});
export type GoalTree = z.infer<typeof GoalTreeSchema>;
