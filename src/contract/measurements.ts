import { MeasurementSchema, type Measurement as MeasurementFields } from '../domain';
import { itemSchema, pageSchema, type Item, type ItemPage } from './item';

/** `/units/:unitId/measurements`. */
export const MeasurementItemSchema = itemSchema(MeasurementSchema);
export type Measurement = Item<MeasurementFields>;
export const MeasurementPageSchema = pageSchema(MeasurementItemSchema);
export type MeasurementPage = ItemPage<MeasurementFields>;
