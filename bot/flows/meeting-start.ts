import { agendaCard } from '../cards/meeting-cards';
import type { FlowContext } from './context';
import { changeMeeting, eventTimeOf, findMeeting, openActionsOfUnit } from './meetings';
import type { Turn } from './turn';
import { languageOf } from '../../src/domain';

/**
 * Meeting start: the meeting is marked started (the first start wins, as the end does), and the
 * agenda and the unit's open actions go to the meeting chat. Unlinked meetings get nothing.
 */
export async function onMeetingStart(ctx: FlowContext, turn: Turn): Promise<boolean> {
  const { info } = turn;
  const found = await findMeeting(ctx.store, info.meetingId, info.conversationId);
  if (!found) return false;
  const startedAt = eventTimeOf(info.value, 'StartTime') ?? new Date(ctx.clock.now()).toISOString();
  const meeting = await changeMeeting(ctx.store, found, (fields) => (fields.startedAt === undefined ? { startedAt } : undefined));
  const open = meeting.fields.unitId ? await openActionsOfUnit(ctx.store, meeting.fields.unitId) : [];
  await ctx.outbox.enqueue({
    key: `agenda:${meeting.id}`,
    target: { kind: 'conversation', reference: info.reference },
    activity: { type: 'message', summary: meeting.fields.title, attachments: [agendaCard(languageOf(info.locale), meeting.fields, open.slice(0, 15))] },
  });
  return true;
}
