import { z } from 'zod';
import { isoDateTime, itemId, objectId, schoolYear } from './common';
import { longText } from './text';

/** The organizer's feedback (återkoppling) on a unit's submitted analysis, with read confirmation. */
export const FeedbackSchema = z.strictObject({
  unitId: itemId,
  analysisId: itemId,
  schoolYear,
  text: longText.pipe(z.string().min(1)),
  authorId: objectId,
  givenAt: isoDateTime,
  readAt: isoDateTime.optional(),
  readBy: objectId.optional(),
});
export type Feedback = z.infer<typeof FeedbackSchema>;
