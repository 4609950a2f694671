import type { ActionChanges } from '../../api/client';
import type { Action } from '../../../../src/contract';
import type { ActionStatus, OriginKind } from '../../../../src/domain';

/** The editable fields of an action as the form holds them (all strings: inputs are strings). */
export interface ActionDraft {
  title: string;
  ownerId: string;
  ownerName: string;
  dueDate: string;
  status: ActionStatus;
  goalId: string;
  evaluation: string;
  origin: string;
}

/** `origin` is kept as 'kind:id' so one Select can choose among analyses and meetings. */
export function draftFrom(action: Action): ActionDraft {
  return {
    title: action.title,
    ownerId: action.ownerId,
    ownerName: action.ownerName ?? '',
    dueDate: action.dueDate,
    status: action.status,
    goalId: action.goalId ?? '',
    evaluation: action.evaluation ?? '',
    origin: `${action.originKind}:${action.originId}`,
  };
}

/** Reads 'kind:id' back into the action's origin; null when it names no known kind. */
export function splitOrigin(origin: string): { originKind: OriginKind; originId: string } | null {
  const at = origin.indexOf(':');
  const kind = origin.slice(0, at);
  if (at < 0 || !(kind === 'analysis' || kind === 'meeting' || kind === 'deficiency')) return null;
  return { originKind: kind, originId: origin.slice(at + 1) };
}

/** Only the fields that changed: the PATCH body (the API wants nothing else). */
export function changesBetween(before: Action, draft: ActionDraft): ActionChanges {
  const changes: ActionChanges = {};
  if (draft.title !== before.title) changes.title = draft.title;
  if (draft.ownerId !== before.ownerId) {
    changes.ownerId = draft.ownerId;
    if (draft.ownerName) changes.ownerName = draft.ownerName;
  }
  if (draft.dueDate !== before.dueDate) changes.dueDate = draft.dueDate;
  if (draft.status !== before.status) changes.status = draft.status;
  if (draft.goalId !== (before.goalId ?? '') && draft.goalId) changes.goalId = draft.goalId;
  if (draft.evaluation !== (before.evaluation ?? '')) changes.evaluation = draft.evaluation;
  return changes;
}
