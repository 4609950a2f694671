/**
 * Year-wheel reminders: the principals concerned hear about a coming activity from its remind day
 * (the date minus `remindDaysBefore`) until the date itself. A unit's own activity goes to that
 * unit's principals; a municipality-wide one (no unit) to every unit's principals, each person
 * once. Each reminder is an outbox job keyed `wheel:<activity>:<user>:<date>`, so it is queued
 * once however many scans or instances run; a moved date is a new reminder.
 */
import { wheelReminderCard } from '../cards/wheel-reminder-card';
import type { BotStore } from '../data/entities';
import { NotFoundError } from '../../src/store/errors';
import { addDays, daysBetween, type FlowContext } from './context';
import { isoDay, languageOf } from '../../src/domain';

/** `remindDaysBefore` when an activity does not set it. */
export const DEFAULT_WHEEL_REMIND_DAYS = 14;
/** The most days ahead an activity can be reminded of (the schema's ceiling on `remindDaysBefore`). */
const HORIZON_DAYS = 90;

export interface WheelScanResult {
  queued: number;
  withoutConversation: number;
}

/** Queues the year-wheel reminders due today; already queued ones count too (enqueue is idempotent). */
export async function scanWheelReminders(ctx: FlowContext): Promise<WheelScanResult> {
  const today = isoDay(ctx.clock.now());
  // the indexed date column first: only activities from today up to the horizon load
  const activities = await ctx.store.queryAll('yearWheel', {
    filter: [{ field: 'date', op: 'ge', value: today }, { field: 'date', op: 'le', value: addDays(today, HORIZON_DAYS) }],
  });
  const result: WheelScanResult = { queued: 0, withoutConversation: 0 };
  const everyPrincipal = lazy(() => allPrincipals(ctx.store));
  for (const { id, fields: activity } of activities) {
    const date = activity.date.slice(0, 10);
    const daysLeft = daysBetween(today, date);
    if (daysLeft < 0 || daysLeft > (activity.remindDaysBefore ?? DEFAULT_WHEEL_REMIND_DAYS)) continue;
    const people = activity.unitId ? await principalsOf(ctx.store, activity.unitId) : await everyPrincipal();
    for (const userId of people) {
      const ref = await ctx.conversations.personalWith(userId);
      if (!ref) {
        result.withoutConversation++;
        ctx.log(`wheel reminder ${id}: no personal conversation with ${userId}, skipped`);
        continue;
      }
      await ctx.outbox.enqueue({
        key: `wheel:${id}:${userId}:${date}`,
        target: { kind: 'conversation', reference: ref },
        activity: { type: 'message', summary: activity.title, attachments: [wheelReminderCard({ lang: languageOf(ref.locale), activity, daysLeft })] },
      });
      result.queued++;
    }
  }
  return result;
}

/** Runs `load` at most once, and only if asked: a scan without municipality-wide activities never reads every unit. */
function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= load());
}

async function allPrincipals(store: BotStore): Promise<string[]> {
  const units = await store.queryAll('units');
  return [...new Set(units.flatMap((u) => u.fields.principalIds))];
}

async function principalsOf(store: BotStore, unitId: string): Promise<string[]> {
  try {
    const unit = await store.get('units', unitId);
    return [...new Set(unit.fields.principalIds)];
  } catch (error) {
    // a unit removed after its activity was planned: nobody to remind; anything else is the scan's failure
    if (error instanceof NotFoundError) return [];
    throw error;
  }
}
