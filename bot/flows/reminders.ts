/**
 * The reminder scan: owners get a card some days before an action is due and once it is overdue;
 * the unit's principal hears about actions overdue past a set time. Each reminder is an outbox
 * job with a deterministic key, so however many instances scan, each reminder is queued once.
 * The year wheel's reminders (wheel-reminders.ts) and the deficiencies' (deficiency-reminders.ts)
 * ride on the same scan.
 * The scan itself is a leased job per day and instance group, so usually only one instance scans.
 * It reads the read model: every open action of a large municipality passes the list view threshold.
 */
import { escalationCard, reminderCard, type ReminderKind } from '../cards/reminder-card';
import { claimJob, ensureJob, finishJob, isFree } from '../outbox/jobs';
import { addDays, daysBetween, type FlowContext } from './context';
import { scanDeficiencyReminders } from './deficiency-reminders';
import { scanLists, scanWheelReminders, type ScanView } from './wheel-reminders';
import { isOpen, isoDay, languageOf, type ActionStatus } from '../../src/domain';

const openStatuses: readonly ActionStatus[] = ['planned', 'inProgress'];

export interface ReminderOptions {
  /** remind this many days before the due date */
  daysBefore?: number;
  /** tell the principal when an action has been overdue this many days */
  escalateAfterDays?: number;
  /** how often the scan may run */
  scanEveryMs?: number;
  leaseMs?: number;
}

export interface ScanResult {
  queued: number;
  withoutConversation: number;
}

/**
 * Queues due action reminders, the year wheel's and the deficiencies' (see wheel-reminders.ts and
 * deficiency-reminders.ts); returns what it queued (already queued ones count too: enqueue is
 * idempotent). Reads `view` when given (the scheduled scan read it before claiming the scan), else
 * brings the read model up to date itself.
 */
export async function scanReminders(ctx: FlowContext, options: ReminderOptions = {}, given?: ScanView): Promise<ScanResult> {
  const view = given ?? (await ctx.readModel.read(scanLists));
  const daysBefore = options.daysBefore ?? 3;
  const escalateAfter = options.escalateAfterDays ?? 14;
  const today = isoDay(ctx.clock.now());
  const horizon = addDays(today, daysBefore);
  const actions = openStatuses.flatMap((status) => view.where('actions', 'status', status)).filter((action) => action.fields.dueDate.slice(0, 10) <= horizon);
  const result: ScanResult = { queued: 0, withoutConversation: 0 };
  for (const action of actions) {
    if (!isOpen(action.fields)) continue;
    const due = action.fields.dueDate.slice(0, 10);
    const left = daysBetween(today, due);
    const kind: ReminderKind = left < 0 ? 'overdue' : 'dueSoon';
    const owner = await ctx.conversations.personalWith(action.fields.ownerId);
    if (!owner) {
      result.withoutConversation++;
    } else {
      await ctx.outbox.enqueue({
        key: `reminder:${action.id}:${kind}:${due}`,
        target: { kind: 'conversation', reference: owner },
        activity: { type: 'message', summary: action.fields.title, attachments: [reminderCard({ lang: languageOf(owner.locale), actionId: action.id, action: action.fields, kind, daysLeft: left, ...(ctx.tabUrl !== undefined ? { tabUrl: ctx.tabUrl } : {}) })] },
      });
      result.queued++;
    }
    if (-left >= escalateAfter) result.queued += await escalate(ctx, view, action.id, action.fields, -left);
  }
  const wheel = await scanWheelReminders(ctx, view);
  const deficiencies = await scanDeficiencyReminders(ctx, view);
  return {
    queued: result.queued + wheel.queued + deficiencies.queued,
    withoutConversation: result.withoutConversation + wheel.withoutConversation + deficiencies.withoutConversation,
  };
}

async function escalate(ctx: FlowContext, view: ScanView, actionId: string, action: Parameters<typeof escalationCard>[1], daysOverdue: number): Promise<number> {
  const principals = view.get('units', action.unitId)?.fields.principalIds ?? [];
  let queued = 0;
  for (const principalId of principals) {
    const ref = await ctx.conversations.personalWith(principalId);
    if (!ref) continue;
    await ctx.outbox.enqueue({
      key: `escalation:${actionId}:${action.dueDate.slice(0, 10)}:${principalId}`,
      target: { kind: 'conversation', reference: ref },
      activity: { type: 'message', summary: action.title, attachments: [escalationCard(languageOf(ref.locale), action, daysOverdue, actionId)] },
    });
    queued++;
  }
  return queued;
}

/**
 * Runs the scan at most once per period across all instances: the period's scan is a job whose
 * lease one instance wins. If that instance dies mid-scan, the lease runs out and another reruns it
 * (safe: enqueueing is idempotent).
 */
export async function runScheduledScan(ctx: FlowContext, instanceId: string, options: ReminderOptions = {}): Promise<ScanResult | undefined> {
  const every = options.scanEveryMs ?? 3_600_000;
  const now = ctx.clock.now();
  const period = Math.floor(now / every);
  const job = await ensureJob(ctx.store, { kind: 'reminderScan', key: `reminder-scan:${period}`, dueAt: new Date(period * every).toISOString(), payload: {} });
  if (job.fields.status !== 'pending' || !isFree(job.fields, now)) return undefined;
  // before the claim: a mirror still syncing fails here, and the scan stays free for an instance that can run it
  const view = await ctx.readModel.read(scanLists);
  const claimed = await claimJob(ctx.store, job, instanceId, options.leaseMs ?? 300_000, now);
  if (!claimed) return undefined;
  const result = await scanReminders(ctx, options, view);
  await finishJob(ctx.store, claimed, { status: 'done', doneAt: new Date(ctx.clock.now()).toISOString(), payload: { ...result } });
  return result;
}
