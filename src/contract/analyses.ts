import { AnalysisSchema, type Analysis as AnalysisFields } from '../domain';
import { itemSchema, pageSchema, type Item, type ItemPage } from './item';

/** `/units/:unitId/analyses`, `/analyses/:id` (and its submit). */
export const AnalysisItemSchema = itemSchema(AnalysisSchema);
export type Analysis = Item<AnalysisFields>;
export const AnalysisPageSchema = pageSchema(AnalysisItemSchema);
export type AnalysisPage = ItemPage<AnalysisFields>;
