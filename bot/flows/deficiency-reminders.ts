/**
 * Deficiency reminders: the unit's principals hear about an open deficiency (brist) that no action
 * answers a week after it was found, and about one past its deadline. Each is an outbox job keyed
 * `deficiency:<id>:withoutAction:<user>` or `deficiency:<id>:overdue:<deadline>:<user>`, so it is
 * queued once per deficiency and condition however many scans or instances run; a moved deadline
 * is a new reminder. The flags are the domain's, as the tab and the roll-up show them.
 */
import { deficiencyReminderCard, type DeficiencyCondition } from '../cards/deficiency-reminder-card';
import { addDays, type FlowContext } from './context';
import { scanLists, type ScanView } from './wheel-reminders';
import { deficiencyFlags, isoDay, languageOf } from '../../src/domain';

/** How long a newly found deficiency may wait for its first action before the principal is reminded. */
export const DEFICIENCY_ACTION_GRACE_DAYS = 7;

export interface DeficiencyScanResult {
  queued: number;
  withoutConversation: number;
}

/** Queues the deficiency reminders due today, from `view` or a fresh read; already queued ones count too (enqueue is idempotent). */
export async function scanDeficiencyReminders(ctx: FlowContext, given?: ScanView): Promise<DeficiencyScanResult> {
  const view = given ?? (await ctx.readModel.read(scanLists));
  const today = isoDay(ctx.clock.now());
  const open = view.where('deficiencies', 'status', 'open');
  const result: DeficiencyScanResult = { queued: 0, withoutConversation: 0 };
  for (const { id, fields: deficiency } of open) {
    const actions = view.where('actions', 'originId', id).map((a) => a.fields).filter((a) => a.originKind === 'deficiency' && a.unitId === deficiency.unitId);
    const flags = deficiencyFlags(deficiency, actions, today);
    const conditions: { condition: DeficiencyCondition; key: string }[] = [
      ...(flags.withoutAction && deficiency.foundOn <= addDays(today, -DEFICIENCY_ACTION_GRACE_DAYS) ? [{ condition: 'withoutAction' as const, key: 'withoutAction' }] : []),
      ...(flags.overdue ? [{ condition: 'overdue' as const, key: `overdue:${deficiency.deadline ?? ''}` }] : []),
    ];
    if (conditions.length === 0) continue;
    // a unit removed after its deficiency was recorded has nobody to remind
    for (const userId of new Set(view.get('units', deficiency.unitId)?.fields.principalIds ?? [])) {
      const ref = await ctx.conversations.personalWith(userId);
      if (!ref) {
        result.withoutConversation++;
        continue;
      }
      for (const { condition, key } of conditions) {
        await ctx.outbox.enqueue({
          key: `deficiency:${id}:${key}:${userId}`,
          target: { kind: 'conversation', reference: ref },
          activity: { type: 'message', summary: deficiency.title, attachments: [deficiencyReminderCard({ lang: languageOf(ref.locale), deficiency, condition })] },
        });
        result.queued++;
      }
    }
  }
  return result;
}
