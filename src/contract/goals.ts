import { GoalSchema, type Goal as GoalFields } from '../domain';
import { itemSchema, pageSchema, type Item, type ItemPage } from './item';

/** `/units/:unitId/goals`, `/goals/:id`. */
export const GoalItemSchema = itemSchema(GoalSchema);
export type Goal = Item<GoalFields>;
export const GoalPageSchema = pageSchema(GoalItemSchema);
export type GoalPage = ItemPage<GoalFields>;
