import type { BotAction } from '../data/entities';
import { attachment, card, dueLine, execute, text, title, type CardAttachment } from './card';
import { strings } from './strings';
import type { Language } from '../../src/domain';

export const ACTION_DONE = 'action.done';
export const ACTION_NEW_DATE = 'action.newDate';
export const ACTION_COMMENT = 'action.comment';

export type ReminderKind = 'dueSoon' | 'overdue';

export interface ReminderCardInput {
  lang: Language;
  actionId: string;
  action: BotAction;
  kind: ReminderKind;
  daysLeft?: number;
  /** a line shown above the action, e.g. after an update */
  notice?: string;
}

/** The owner's reminder: done / new date / comment, each applied to the action with its eTag. */
export function reminderCard(i: ReminderCardInput): CardAttachment {
  const s = strings(i.lang);
  const data = { actionId: i.actionId };
  const closed = i.action.status === 'done';
  return attachment(card([
    ...(i.notice ? [text(i.notice, { color: 'Good' })] : []),
    title(i.action.title),
    text(dueLine(i.action.dueDate, i.lang), { isSubtle: true }),
    ...(closed ? [] : [text(i.kind === 'overdue' ? s.reminderOverdue : s.reminderDueSoon(i.daysLeft ?? 0), i.kind === 'overdue' ? { color: 'Attention' } : {})]),
  ], closed ? [] : [
    execute(s.markDone, ACTION_DONE, data, { style: 'positive' }),
    { type: 'Action.ShowCard', title: s.newDate, card: card([{ type: 'Input.Date', id: 'dueDate', label: s.newDate, isRequired: true }], [execute(s.setDate, ACTION_NEW_DATE, data)]) },
    { type: 'Action.ShowCard', title: s.comment, card: card([{ type: 'Input.Text', id: 'comment', label: s.comment, isMultiline: true, maxLength: 1000, isRequired: true }], [execute(s.addComment, ACTION_COMMENT, data)]) },
  ]));
}

/** Tells the principal that an action has been overdue for a while. */
export function escalationCard(lang: Language, action: BotAction, daysOverdue: number): CardAttachment {
  const s = strings(lang);
  return attachment(card([
    title(s.escalationTitle),
    text(s.escalationText(action.ownerName ?? action.ownerId, daysOverdue)),
    text(`${action.title} · ${dueLine(action.dueDate, lang)}`, { isSubtle: true }),
  ]));
}
