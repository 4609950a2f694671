import type { BotAction } from '../data/entities';
import { attachment, card, dueLine, execute, fieldError, subCard, text, title, type CardAttachment, type CardData, type CardElement } from './card';
import { originLine, originLinks } from './origin-link';
import { strings, type Strings } from './strings';
import { COMMENT_MAX_LENGTH, type Language } from '../../src/domain';

export const ACTION_DONE = 'action.done';
export const ACTION_NEW_DATE = 'action.newDate';
export const ACTION_COMMENT = 'action.comment';

export type ReminderKind = 'dueSoon' | 'overdue';

/** A refused evaluation, new date or comment: what was typed comes back in its field, with why under it. */
export interface ActionFormError {
  field: 'evaluation' | 'dueDate' | 'comment';
  value: string;
  message: string;
}

export interface ReminderCardInput {
  lang: Language;
  actionId: string;
  action: BotAction;
  kind: ReminderKind;
  daysLeft?: number;
  /** a line shown above the action, e.g. after an update */
  notice?: string;
  error?: ActionFormError;
  /** the tab's address: the card links to where the action comes from */
  tabUrl?: string;
}

/** As long as the tab's evaluation field takes. */
const EVALUATION_MAX_LENGTH = 20_000;

const evaluationInput = (s: Strings, value?: string): CardElement => ({
  type: 'Input.Text', id: 'evaluation', label: s.evaluation, isMultiline: true, maxLength: EVALUATION_MAX_LENGTH, isRequired: true, ...(value !== undefined ? { value } : {}),
});
const dateInput = (s: Strings, value?: string): CardElement => ({ type: 'Input.Date', id: 'dueDate', label: s.newDate, isRequired: true, ...(value !== undefined ? { value } : {}) });
const commentInput = (s: Strings, value?: string): CardElement => ({
  type: 'Input.Text', id: 'comment', label: s.comment, isMultiline: true, maxLength: COMMENT_MAX_LENGTH, isRequired: true, ...(value !== undefined ? { value } : {}),
});

/**
 * The buttons on an action: done (with its evaluation, "Hur blev det?": an action closes only
 * evaluated), a new date, a comment; each applied with the action's eTag. A refused evaluation,
 * date or comment is shown open in the card, filled in with what was typed.
 */
function actionButtons(lang: Language, actionId: string, error: ActionFormError | undefined): { body: CardElement[]; actions: CardElement[] } {
  const s = strings(lang);
  const data: CardData = { lang, actionId };
  const done = execute(s.markDone, ACTION_DONE, data, { style: 'positive' });
  if (error?.field === 'evaluation') return { body: [evaluationInput(s, error.value), fieldError(error.message)], actions: [done] };
  if (error?.field === 'dueDate') return { body: [dateInput(s, error.value), fieldError(error.message)], actions: [execute(s.setDate, ACTION_NEW_DATE, data)] };
  if (error?.field === 'comment') return { body: [commentInput(s, error.value), fieldError(error.message)], actions: [execute(s.addComment, ACTION_COMMENT, data)] };
  return {
    body: [],
    actions: [
      { type: 'Action.ShowCard', title: s.markDone, card: subCard([evaluationInput(s)], [done]) },
      { type: 'Action.ShowCard', title: s.newDate, card: subCard([dateInput(s)], [execute(s.setDate, ACTION_NEW_DATE, data)]) },
      { type: 'Action.ShowCard', title: s.comment, card: subCard([commentInput(s)], [execute(s.addComment, ACTION_COMMENT, data)]) },
    ],
  };
}

/** The owner's reminder: done / new date / comment, each applied to the action with its eTag. */
export function reminderCard(i: ReminderCardInput): CardAttachment {
  const s = strings(i.lang);
  const closed = i.action.status === 'done';
  const form = closed ? { body: [], actions: [] } : actionButtons(i.lang, i.actionId, i.error);
  return attachment(card(i.lang, [
    ...(i.notice ? [text(i.notice, { color: i.error ? 'Attention' : 'Good' })] : []),
    title(i.action.title),
    text(dueLine(i.action.dueDate, i.lang), { isSubtle: true }),
    text(originLine(i.action, i.lang), { isSubtle: true }),
    ...(closed ? [] : [text(i.kind === 'overdue' ? s.reminderOverdue : s.reminderDueSoon(i.daysLeft ?? 0), i.kind === 'overdue' ? { color: 'Attention' } : {})]),
    ...form.body,
  ], [...form.actions, ...originLinks(i.lang, i.tabUrl, i.action)]));
}

/**
 * Tells the principal that an action has been overdue for a while. The principal may close it or
 * move its date here, as in the tab (the same policy decides).
 */
export function escalationCard(lang: Language, action: BotAction, daysOverdue: number, actionId: string): CardAttachment {
  const s = strings(lang);
  const form = actionButtons(lang, actionId, undefined);
  return attachment(card(lang, [
    title(s.escalationTitle),
    text(s.escalationText(action.ownerName ?? action.ownerId, daysOverdue)),
    text(`${action.title} · ${dueLine(action.dueDate, lang)}`, { isSubtle: true }),
  ], form.actions));
}
