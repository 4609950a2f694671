import { z } from 'zod';
import { itemId, period, schoolYear } from './common';
import { freeText } from './text';

/** A value for a group (flickor, pojkar, åk 9, ...): an aggregate, never a person. */
export const groupValue = z.strictObject({
  group: freeText(100).pipe(z.string().min(1)),
  value: z.number().finite(),
});

/** One result: an indicator's value for a unit in a period, optionally broken down by group. */
export const MeasurementSchema = z.strictObject({
  indicatorId: itemId,
  unitId: itemId,
  period,
  schoolYear,
  value: z.number().finite(),
  groups: z.array(groupValue).max(50).optional(),
});
export type Measurement = z.infer<typeof MeasurementSchema>;
