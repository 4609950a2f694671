import { ActionSchema, type Action as ActionFields } from '../domain';
import { itemSchema, pageSchema, type Item, type ItemPage } from './item';

/** `/units/:unitId/actions`, `/actions/:id`, `/my/actions`. */
export const ActionItemSchema = itemSchema(ActionSchema);
export type Action = Item<ActionFields>;
export const ActionPageSchema = pageSchema(ActionItemSchema);
export type ActionPage = ItemPage<ActionFields>;
