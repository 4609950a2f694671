/**
 * Year-wheel reminders: the principals concerned hear about a coming activity from its remind day
 * (the date minus `remindDaysBefore`) until the date itself. A unit's own activity goes to that
 * unit's principals; a municipality-wide one (no unit) to every unit's principals, each person
 * once. Each reminder is an outbox job keyed `wheel:<activity>:<user>:<date>`, so it is queued
 * once however many scans or instances run; a moved date is a new reminder.
 */
import { wheelReminderCard } from '../cards/wheel-reminder-card';
import type { Entities } from '../../src/lists/lists';
import type { ReadView } from '../../src/store/read-model';
import { addDays, daysBetween, type FlowContext } from './context';
import { isoDay, languageOf } from '../../src/domain';

/** The lists the reminder scans read. */
export const scanLists = ['actions', 'units', 'yearWheel', 'deficiencies'] as const;
export type ScanView = ReadView<Pick<Entities, (typeof scanLists)[number]>>;

/** `remindDaysBefore` when an activity does not set it. */
export const DEFAULT_WHEEL_REMIND_DAYS = 14;
/** The most days ahead an activity can be reminded of (the schema's ceiling on `remindDaysBefore`). */
const HORIZON_DAYS = 90;

export interface WheelScanResult {
  queued: number;
  withoutConversation: number;
}

/** Queues the year-wheel reminders due today, from `view` or a fresh read; already queued ones count too (enqueue is idempotent). */
export async function scanWheelReminders(ctx: FlowContext, given?: ScanView): Promise<WheelScanResult> {
  const view = given ?? (await ctx.readModel.read(scanLists));
  const today = isoDay(ctx.clock.now());
  const horizon = addDays(today, HORIZON_DAYS);
  const activities = view.all('yearWheel').filter((activity) => activity.fields.date >= today && activity.fields.date <= horizon);
  const result: WheelScanResult = { queued: 0, withoutConversation: 0 };
  const everyPrincipal = lazy(() => allPrincipals(view));
  for (const { id, fields: activity } of activities) {
    const date = activity.date.slice(0, 10);
    const daysLeft = daysBetween(today, date);
    if (daysLeft < 0 || daysLeft > (activity.remindDaysBefore ?? DEFAULT_WHEEL_REMIND_DAYS)) continue;
    const people = activity.unitId ? principalsOf(view, activity.unitId) : everyPrincipal();
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

/** Computes `load` at most once, and only if asked: a scan without municipality-wide activities never goes through every unit. */
function lazy<T>(load: () => T): () => T {
  let value: { readonly is: T } | undefined;
  return () => (value ??= { is: load() }).is;
}

function allPrincipals(view: ScanView): string[] {
  return [...new Set(view.all('units').flatMap((u) => u.fields.principalIds))];
}

/** A unit removed after its activity was planned has nobody to remind. */
function principalsOf(view: ScanView, unitId: string): string[] {
  return [...new Set(view.get('units', unitId)?.fields.principalIds ?? [])];
}
