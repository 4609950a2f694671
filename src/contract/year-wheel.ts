import { YearWheelActivitySchema, type YearWheelActivity as YearWheelActivityFields } from '../domain';
import { itemSchema, pageSchema, type Item, type ItemPage } from './item';

/** `/year-wheel`, `/year-wheel/:id`. */
export const YearWheelActivityItemSchema = itemSchema(YearWheelActivitySchema);
export type YearWheelActivity = Item<YearWheelActivityFields>;
export const YearWheelActivityPageSchema = pageSchema(YearWheelActivityItemSchema);
export type YearWheelActivityPage = ItemPage<YearWheelActivityFields>;
