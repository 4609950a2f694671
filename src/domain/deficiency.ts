import { z } from 'zod';
import { isoDate, itemId } from './common';
import { longText, title } from './text';
import { deficiencySources, deficiencyStatuses } from './choices';

/** A deficiency (brist) found through follow-up, a complaint, reported abuse, an inspection or otherwise. */
export const DeficiencySchema = z.strictObject({
  title,
  description: longText.optional(),
  unitId: itemId,
  source: z.enum(deficiencySources),
  foundOn: isoDate,
  /** Skolinspektionen's decisions carry one */
  deadline: isoDate.optional(),
  status: z.enum(deficiencyStatuses),
  closedOn: isoDate.optional(),
});
export type Deficiency = z.infer<typeof DeficiencySchema>;
