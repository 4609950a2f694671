/**
 * Done (with its evaluation), a new due date or a comment on a reminder (or escalation) card,
 * through the action service the API uses (`PATCH /api/actions/:id`, `POST /api/actions/:id/comments`):
 * the owner and the unit's principal may, as in the tab, and the service holds the same rules
 * (done only with an evaluation). Each change is applied with the eTag just read; if someone
 * changed the action in between, the card shows the latest. A refused evaluation, date or
 * comment comes back as it was typed.
 */
import { z } from 'zod';
import { ActionCommentSchema, isoDay, longText } from '../../src/domain';
import { RuleError } from '../../src/services/errors';
import { ConflictError } from '../../src/store/errors';
import type { StoredItem } from '../../src/store/port';
import { formats } from '../cards/card';
import { ACTION_DONE, ACTION_NEW_DATE, reminderCard, type ActionFormError } from '../cards/reminder-card';
import { strings, type Strings } from '../cards/strings';
import type { BotAction } from '../data/entities';
import type { CardGuard, CardRequest } from './card-verbs';
import { daysBetween, type FlowContext } from './context';
import { fieldMessage } from './field-messages';
import { invalidCard, type CardActionResult } from './turn';

const DataSchema = z.looseObject({ actionId: z.string().min(1).max(20) });

/** An evaluation as the personnummer rule allows it; an empty one is refused by the service's rule. */
const EvaluationSchema = longText;

const isDay = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value) && isoDay(Date.parse(`${value}T00:00:00Z`)) === value;

/** The field each verb's typed value stands in. */
const fieldOf = (verb: string): ActionFormError['field'] => (verb === ACTION_DONE ? 'evaluation' : verb === ACTION_NEW_DATE ? 'dueDate' : 'comment');
const typed = (data: Readonly<Record<string, unknown>>, field: ActionFormError['field']): string => (typeof data[field] === 'string' ? String(data[field]) : '');

type Change = { patch: Partial<BotAction> } | { comment: string } | { error: ActionFormError };

/** The change the verb asks for, or why the typed value cannot be it. */
function changeFor(s: Strings, verb: string, data: Readonly<Record<string, unknown>>): Change {
  const field = fieldOf(verb);
  const value = typed(data, field);
  if (verb === ACTION_DONE) {
    const evaluation = EvaluationSchema.safeParse(value);
    if (!evaluation.success) return { error: { field, value, message: fieldMessage(s, evaluation.error.issues[0]) } };
    return { patch: { status: 'done', evaluation: evaluation.data } };
  }
  if (verb === ACTION_NEW_DATE) {
    return isDay(value) ? { patch: { dueDate: value } } : { error: { field, value, message: value ? s.fieldDate : s.fieldRequired } };
  }
  const comment = ActionCommentSchema.shape.text.safeParse(value);
  if (!comment.success) return { error: { field, value, message: fieldMessage(s, comment.error.issues[0]) } };
  return { comment: comment.data };
}

/** The service's refusal of the change, as an error on the field the person typed. */
function refusedChange(s: Strings, verb: string, error: unknown, data: Readonly<Record<string, unknown>>): ActionFormError | undefined {
  const field = fieldOf(verb);
  const value = typed(data, field);
  if (error instanceof z.ZodError) return { field, value, message: fieldMessage(s, error.issues[0]) };
  if (error instanceof RuleError) return { field, value, message: error.field === 'evaluation' ? s.evaluationRequired : s.fieldInvalid };
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
    return { kind: 'card', card: reminderCard({ lang: request.lang, actionId: a.id, action: a.fields, kind: left < 0 ? 'overdue' : 'dueSoon', daysLeft: left, notice, ...(error ? { error } : {}), ...(ctx.tabUrl !== undefined ? { tabUrl: ctx.tabUrl } : {}) }) };
  };
  const change = changeFor(s, request.verb, request.data);
  if ('error' in change) return view(item, s.correctAndResend, change.error);
  try {
    const updated = 'comment' in change
      ? await ctx.services.actions.comment(caller, item.id, change.comment, item.etag)
      : await ctx.services.actions.update(caller, item.id, change.patch, item.etag);
    const notice = request.verb === ACTION_DONE ? s.actionDone : request.verb === ACTION_NEW_DATE ? s.dateChanged(formats[request.lang].date(updated.fields.dueDate)) : s.commentSaved;
    return view(updated, notice);
  } catch (error) {
    if (error instanceof ConflictError && error.current) return view(error.current as StoredItem<BotAction>, s.conflict);
    const refused = refusedChange(s, request.verb, error, request.data);
    if (refused) return view(item, s.correctAndResend, refused);
    throw error;
  }
}
