/**
 * The owner's answers on a reminder card: done, a new due date, or a comment. Each is applied
 * with the eTag just read; if someone changed the action in between, the owner sees the latest.
 */
import { z } from 'zod';
import { freeText, isPersonalIdentityIssue } from '../../src/domain';
import { ConflictError, InvalidItemError, NotFoundError } from '../../src/store/errors';
import type { StoredItem } from '../../src/store/port';
import { formats } from '../cards/card';
import { errorCard } from '../cards/error-card';
import { ACTION_COMMENT, ACTION_DONE, ACTION_NEW_DATE, reminderCard } from '../cards/reminder-card';
import { strings } from '../cards/strings';
import type { BotAction } from '../data/entities';
import type { CardAction } from './card-action';
import { daysBetween, type FlowContext } from './context';
import { isoDay } from '../../src/domain';
import type { CardActionResult } from './turn';
import type { Language } from '../../src/domain';

export const ACTION_VERBS = [ACTION_DONE, ACTION_NEW_DATE, ACTION_COMMENT];

const DataSchema = z.object({
  actionId: z.string().min(1),
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** free text under the personnummer rule, like every text field of the API */
  comment: freeText(1_000).pipe(z.string().min(1)).optional(),
}).passthrough();

function patchFor(verb: string, data: z.infer<typeof DataSchema>, current: BotAction, today: string): Partial<BotAction> | undefined {
  if (verb === ACTION_DONE) return { status: 'done' };
  if (verb === ACTION_NEW_DATE) return data.dueDate ? { dueDate: data.dueDate } : undefined;
  if (verb === ACTION_COMMENT && data.comment) {
    // Actions have no comment column: a dated line is appended to the description
    const line = `${today}: ${data.comment}`;
    return { description: current.description ? `${current.description}\n${line}` : line };
  }
  return undefined;
}

export async function onActionUpdate(ctx: FlowContext, lang: Language, action: CardAction, userId: string): Promise<CardActionResult> {
  const s = strings(lang);
  const data = DataSchema.safeParse(action.action.data);
  if (!data.success) {
    const personal = data.error.issues.find(isPersonalIdentityIssue);
    return { kind: 'card', card: errorCard(lang, personal ? `${s.errorTitle}: ${personal.message}` : s.invalidCard) };
  }
  let item: StoredItem<BotAction>;
  try {
    item = await ctx.store.get('actions', data.data.actionId);
  } catch (error) {
    if (error instanceof NotFoundError) return { kind: 'card', card: errorCard(lang, s.invalidCard) };
    throw error;
  }
  if (item.fields.ownerId !== userId) return { kind: 'card', card: errorCard(lang, s.notOwner) };
  const today = isoDay(ctx.clock.now());
  const patch = patchFor(action.action.verb, data.data, item.fields, today);
  if (!patch) return { kind: 'card', card: errorCard(lang, s.invalidCard) };
  const view = (a: StoredItem<BotAction>, notice: string): CardActionResult => {
    const left = daysBetween(today, a.fields.dueDate);
    return { kind: 'card', card: reminderCard({ lang, actionId: a.id, action: a.fields, kind: left < 0 ? 'overdue' : 'dueSoon', daysLeft: left, notice }) };
  };
  try {
    const updated = await ctx.store.update('actions', item.id, patch, { actor: userId, etag: item.etag });
    const notice = action.action.verb === ACTION_DONE ? s.actionDone : action.action.verb === ACTION_NEW_DATE ? s.dateChanged(formats[lang].date(updated.fields.dueDate)) : s.commentSaved;
    return view(updated, notice);
  } catch (error) {
    if (error instanceof ConflictError && error.current) return view(error.current as StoredItem<BotAction>, s.conflict);
    if (error instanceof InvalidItemError) return { kind: 'card', card: errorCard(lang, `${s.errorTitle}: ${error.reason}`) };
    throw error;
  }
}
