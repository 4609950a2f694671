import { z } from 'zod';
import { isoDate, isoDateTime, itemId, objectId, schoolYear } from './common';
import { freeText, longText, title } from './text';
import { actionStatuses, originKinds } from './choices';

/** The longest comment on an action (the bot's card and the tab take as much). */
export const COMMENT_MAX_LENGTH = 1_000;

/** One comment on an action, in the order written: who wrote it, when, and what (the personnummer rule holds). */
export const ActionCommentSchema = z.strictObject({
  authorId: objectId,
  authorName: title.optional(),
  at: isoDateTime,
  text: freeText(COMMENT_MAX_LENGTH).pipe(z.string().min(1)),
});
export type ActionComment = z.infer<typeof ActionCommentSchema>;

/** An action (åtgärd, insats) with an owner, a start and a due date, pointing at what it came from. */
export const ActionSchema = z.strictObject({
  title,
  description: longText.optional(),
  unitId: itemId,
  ownerId: objectId,
  ownerName: title.optional(),
  /** when the work begins; never after the due date (checkAction) */
  startDate: isoDate.optional(),
  dueDate: isoDate,
  status: z.enum(actionStatuses),
  originKind: z.enum(originKinds),
  originId: itemId,
  goalId: itemId.optional(),
  /**
   * The meeting the action was recorded in, when its origin is an analysis or a deficiency
   * (an action that came from the meeting itself has originKind 'meeting').
   */
  meetingId: itemId.optional(),
  schoolYear,
  /** Hur blev det? Written when the action is followed up */
  evaluation: longText.optional(),
  /** The history of comments, oldest first; written through the action service's comment, never by a patch */
  comments: z.array(ActionCommentSchema).max(500).optional(),
});
export type Action = z.infer<typeof ActionSchema>;

/** Open means someone still has work to do. */
export function isOpen(action: Pick<Action, 'status'>): boolean {
  return action.status === 'planned' || action.status === 'inProgress';
}

/** Overdue on `today` ("YYYY-MM-DD"): open and due before today. */
export function isOverdue(action: Pick<Action, 'status' | 'dueDate'>, today: string): boolean {
  return isOpen(action) && action.dueDate < today;
}
