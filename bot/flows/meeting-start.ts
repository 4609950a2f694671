import { agendaCard } from '../cards/meeting-cards';
import type { FlowContext } from './context';
import { findMeeting, openActionsOfUnit } from './meetings';
import type { Turn } from './turn';
import { languageOf } from '../../src/domain';

/** Meeting start: the agenda and the unit's open actions, in the meeting chat. Unlinked meetings get nothing. */
export async function onMeetingStart(ctx: FlowContext, turn: Turn): Promise<boolean> {
  const { info } = turn;
  const meeting = await findMeeting(ctx.store, info.meetingId, info.conversationId);
  if (!meeting) return false;
  const open = meeting.fields.unitId ? await openActionsOfUnit(ctx.store, meeting.fields.unitId) : [];
  await ctx.outbox.enqueue({
    key: `agenda:${meeting.id}`,
    target: { kind: 'conversation', reference: info.reference },
    activity: { type: 'message', summary: meeting.fields.title, attachments: [agendaCard(languageOf(info.locale), meeting.fields, open.slice(0, 15))] },
  });
  return true;
}
