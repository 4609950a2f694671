/**
 * Done, a new due date or a comment on a reminder (or escalation) card, through the action
 * service the API's `PATCH /api/actions/:id` uses: the owner and the unit's principal may, as in
 * the tab. Each change is applied with the eTag just read; if someone changed the action in
 * between, the card shows the latest. A refused date or comment comes back as it was typed.
 */
import { z } from 'zod';
import { freeText, isoDay, type Action } from '../../src/domain';
import { RuleError } from '../../src/services/errors';
import { ConflictError } from '../../src/store/errors';
import type { StoredItem } from '../../src/store/port';
import { formats } from '../cards/card';
import { ACTION_DONE, ACTION_NEW_DATE, COMMENT_MAX_LENGTH, reminderCard, type ActionFormError } from '../cards/reminder-card';
import { strings, type Strings } from '../cards/strings';
import type { BotAction } from '../data/entities';
import type { CardGuard, CardRequest } from './card-verbs';
import { daysBetween, type FlowContext } from './context';
import { fieldMessage } from './field-messages';
import { invalidCard, type CardActionResult } from './turn';

const DataSchema = z.looseObject({ actionId: z.string().min(1).max(20) });

/** A comment as the personnummer rule and the card's length allow it. */
const CommentSchema = freeText(COMMENT_MAX_LENGTH).pipe(z.string().min(1));

const isDay = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value) && isoDay(Date.parse(`${value}T00:00:00Z`)) === value;

/** The change the verb asks for, or why the typed value cannot be it. */
function changeFor(s: Strings, verb: string, data: Readonly<Record<string, unknown>>, current: BotAction, today: string): { patch: Partial<Action> } | { error: ActionFormError } {
  if (verb === ACTION_DONE) return { patch: { status: 'done' } };
  if (verb === ACTION_NEW_DATE) {
    const value = typeof data['dueDate'] === 'string' ? data['dueDate'] : '';
    return isDay(value) ? { patch: { dueDate: value } } : { error: { field: 'dueDate', value, message: value ? s.fieldDate : s.fieldRequired } };
  }
  const value = typeof data['comment'] === 'string' ? data['comment'] : '';
  const comment = CommentSchema.safeParse(value);
  if (!comment.success) return { error: { field: 'comment', value, message: fieldMessage(s, comment.error.issues[0]) } };
  // Actions have no comment column: a dated line is appended to the description
  const line = `${today}: ${comment.data}`;
  return { patch: { description: current.description ? `${current.description}\n${line}` : line } };
}

/** The service's refusal of the change, as an error on the field the person typed. */
function refusedChange(s: Strings, verb: string, error: unknown, data: Readonly<Record<string, unknown>>): ActionFormError | undefined {
  if (verb === ACTION_DONE) return undefined;
  const field = verb === ACTION_NEW_DATE ? 'dueDate' : 'comment';
  const value = typeof data[field] === 'string' ? String(data[field]) : '';
  if (error instanceof z.ZodError) return { field, value, message: fieldMessage(s, error.issues[0]) };
  if (error instanceof RuleError) return { field, value, message: s.fieldInvalid };
  return undefined;
}

export async function onActionUpdate(ctx: FlowContext, request: CardRequest, guard: CardGuard): Promise<CardActionResult> {
  const s = strings(request.lang);
  const data = DataSchema.safeParse(request.data);
  if (!data.success) return invalidCard(s);
  const item = await ctx.store.get('actions', data.data.actionId);
  const caller = await guard(item.fields.unitId, { ownerId: item.fields.ownerId });
  const today = isoDay(ctx.clock.now());
  const view = (a: StoredItem<BotAction>, notice: string, error?: ActionFormError): CardActionResult => {
    const left = daysBetween(today, a.fields.dueDate);
    return { kind: 'card', card: reminderCard({ lang: request.lang, actionId: a.id, action: a.fields, kind: left < 0 ? 'overdue' : 'dueSoon', daysLeft: left, notice, ...(error ? { error } : {}) }) };
  };
  const change = changeFor(s, request.verb, request.data, item.fields, today);
  if ('error' in change) return view(item, s.correctAndResend, change.error);
  try {
    const updated = await ctx.services.actions.update(caller, item.id, change.patch, item.etag);
    const notice = request.verb === ACTION_DONE ? s.actionDone : request.verb === ACTION_NEW_DATE ? s.dateChanged(formats[request.lang].date(updated.fields.dueDate)) : s.commentSaved;
    return view(updated, notice);
  } catch (error) {
    if (error instanceof ConflictError && error.current) return view(error.current as StoredItem<BotAction>, s.conflict);
    const refused = refusedChange(s, request.verb, error, request.data);
    if (refused) return view(item, s.correctAndResend, refused);
    throw error;
  }
}
