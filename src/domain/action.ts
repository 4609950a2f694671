import { z } from 'zod';
import { isoDate, itemId, objectId, schoolYear } from './common';
import { longText, title } from './text';
import { actionStatuses, originKinds } from './choices';

/** An action (åtgärd, insats) with an owner and a due date, pointing at what it came from. */
export const ActionSchema = z.strictObject({
  title,
  description: longText.optional(),
  unitId: itemId,
  ownerId: objectId,
  ownerName: title.optional(),
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
