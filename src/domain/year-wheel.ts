import { z } from 'zod';
import { isoDate, itemId, schoolYear } from './common';
import { longText, title } from './text';
import { activityKinds } from './choices';

/** An activity on the year wheel: municipality-wide (no unit) and inherited, or a unit's own. */
export const YearWheelActivitySchema = z.strictObject({
  title,
  description: longText.optional(),
  kind: z.enum(activityKinds),
  schoolYear,
  date: isoDate,
  unitId: itemId.optional(),
  /** days before the date that the bot reminds those concerned */
  remindDaysBefore: z.number().int().min(0).max(90).optional(),
});
export type YearWheelActivity = z.infer<typeof YearWheelActivitySchema>;
