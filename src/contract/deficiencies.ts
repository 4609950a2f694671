import { DeficiencySchema, type Deficiency as DeficiencyFields } from '../domain';
import { itemSchema, pageSchema, type Item, type ItemPage } from './item';

/** `/units/:unitId/deficiencies`, `/deficiencies/:id`. */
export const DeficiencyItemSchema = itemSchema(DeficiencySchema);
export type Deficiency = Item<DeficiencyFields>;
export const DeficiencyPageSchema = pageSchema(DeficiencyItemSchema);
export type DeficiencyPage = ItemPage<DeficiencyFields>;
