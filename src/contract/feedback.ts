import { FeedbackSchema, type Feedback as FeedbackFields } from '../domain';
import { itemSchema, pageSchema, type Item, type ItemPage } from './item';

/** `/units/:unitId/feedback`, `/feedback/:id/read`. */
export const FeedbackItemSchema = itemSchema(FeedbackSchema);
export type Feedback = Item<FeedbackFields>;
export const FeedbackPageSchema = pageSchema(FeedbackItemSchema);
export type FeedbackPage = ItemPage<FeedbackFields>;
