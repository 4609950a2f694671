import { IndicatorSchema, type Indicator as IndicatorFields } from '../domain';
import { itemSchema, pageSchema, type Item, type ItemPage } from './item';

/** `/indicators`, `/indicators/:id`. */
export const IndicatorItemSchema = itemSchema(IndicatorSchema);
export type Indicator = Item<IndicatorFields>;
export const IndicatorPageSchema = pageSchema(IndicatorItemSchema);
export type IndicatorPage = ItemPage<IndicatorFields>;
