import type { ActionChanges } from '../../api/client';
import type { Action } from '../../../../src/contract';
import type { ActionStatus, RuleViolation } from '../../../../src/domain';
import { checkAction } from '../../../../src/domain/rules';
import type { OriginDraft } from './action-origin';

/** The editable fields of an action as the form holds them (inputs are strings). */
export interface ActionDraft {
  title: string;
  ownerId: string;
  startDate: string;
  dueDate: string;
  status: ActionStatus;
  goalId: string;
  evaluation: string;
  /** what a new action comes from; an action's origin is not edited */
  origin: OriginDraft;
}

/** A new action's form: planned, owned by the first person offered; its start date and origin are chosen by the user. */
export function newDraft(ownerId: string): ActionDraft {
  return { title: '', ownerId, startDate: '', dueDate: '', status: 'planned', goalId: '', evaluation: '', origin: { kind: null, id: '' } };
}

export function draftFrom(action: Action): ActionDraft {
  return {
    title: action.title,
    ownerId: action.ownerId,
    startDate: action.startDate ?? '',
    dueDate: action.dueDate,
    status: action.status,
    goalId: action.goalId ?? '',
    evaluation: action.evaluation ?? '',
    origin: { kind: action.originKind, id: action.originId },
  };
}

/**
 * Only the fields that changed: the PATCH body (the API wants nothing else). A new owner goes with
 * the name the owner picker shows for them (`ownerName`), the one rule for an owner's name.
 */
export function changesBetween(before: Action, draft: ActionDraft, ownerName: string | undefined): ActionChanges {
  const changes: ActionChanges = {};
  if (draft.title !== before.title) changes.title = draft.title;
  if (draft.ownerId !== before.ownerId) {
    changes.ownerId = draft.ownerId;
    if (ownerName) changes.ownerName = ownerName;
  }
  if (draft.startDate !== (before.startDate ?? '') && draft.startDate) changes.startDate = draft.startDate;
  if (draft.dueDate !== before.dueDate) changes.dueDate = draft.dueDate;
  if (draft.status !== before.status) changes.status = draft.status;
  if (draft.goalId !== (before.goalId ?? '') && draft.goalId) changes.goalId = draft.goalId;
  if (draft.evaluation !== (before.evaluation ?? '')) changes.evaluation = draft.evaluation;
  return changes;
}

/**
 * The domain's rule for the action the draft would make (start no later than due, done only with
 * an evaluation), checked before the request is sent so the field says why at once; the server
 * checks the same rule.
 */
export function draftViolation(draft: ActionDraft): RuleViolation | undefined {
  return checkAction({ ...(draft.startDate ? { startDate: draft.startDate } : {}), dueDate: draft.dueDate, status: draft.status, evaluation: draft.evaluation });
}
