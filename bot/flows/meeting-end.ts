/**
 * Meeting end: a summary card to the meeting chat, and a 1:1 follow-up card to each participant.
 * Every card is a job with a deterministic key, so a redelivered meetingEnd (or two instances
 * receiving it) queues nothing twice.
 */
import { followUpCard } from '../cards/follow-up-card';
import { linkMeetingCard, meetingSummaryCard, type FollowUpAudience } from '../cards/meeting-cards';
import type { BotMeeting, BotStore } from '../data/entities';
import type { OutboundMessage } from '../outbox/message';
import type { FlowContext } from './context';
import { actionsFromMeeting, changeMeeting, eventTimeOf, findMeeting, latestTemplate } from './meetings';
import type { Member, Turn } from './turn';
import { languageOf } from '../../src/domain';
import type { StoredItem } from '../../src/store/port';

export type MeetingEndOutcome =
  | { kind: 'notLinked' }
  | { kind: 'queued'; meetingId: string; participants: number; via: 'joined' | 'chatMembers'; withoutTemplate: boolean };

export async function onMeetingEnd(ctx: FlowContext, turn: Turn): Promise<MeetingEndOutcome> {
  const { info } = turn;
  const lang = languageOf(info.locale);
  const chat = { kind: 'conversation' as const, reference: info.reference };
  const meeting = await findMeeting(ctx.store, info.meetingId, info.conversationId);
  if (!meeting) {
    await ctx.outbox.enqueue({ key: `link:${info.conversationId}:${info.meetingId ?? 'chat'}`, target: chat, activity: { type: 'message', attachments: [linkMeetingCard(lang)] } });
    return { kind: 'notLinked' };
  }
  const ended = await markEnded(ctx.store, meeting, eventTimeOf(info.value, 'EndTime') ?? new Date(ctx.clock.now()).toISOString());
  const [actions, template] = await Promise.all([actionsFromMeeting(ctx.store, meeting.id), latestTemplate(ctx.store, meeting.fields.type)]);
  // the chat's roster is asked only when no participant event recorded who joined
  const recipients = followUpRecipients(ended.fields, ended.fields.attendees?.length ? [] : await turn.members());
  const people = recipients.people;
  const audience: FollowUpAudience = template ? { asked: people.length, via: recipients.via } : { via: 'noQuestions' };
  // the summary goes first, on its own, so that it is out while the follow-up cards are queued
  await ctx.outbox.enqueue({
    key: `summary:${meeting.id}`,
    target: chat,
    activity: { type: 'message', summary: meeting.fields.title, attachments: [meetingSummaryCard(lang, ended.fields, actions, audience, ctx.tabUrl)] },
  });
  const messages: OutboundMessage[] = [];
  if (template) {
    for (const member of people) {
      messages.push({
        key: `followup:${meeting.id}:${member.aadObjectId}`,
        target: {
          kind: 'user', userId: member.id, aadObjectId: member.aadObjectId, serviceUrl: info.serviceUrl, channelId: info.channelId,
          ...(info.tenantId ? { tenantId: info.tenantId } : {}), ...(info.reference.bot ? { bot: { id: info.reference.bot.id, ...(info.reference.bot.name ? { name: info.reference.bot.name } : {}) } } : {}),
        },
        activity: {
          type: 'message',
          summary: meeting.fields.title,
          attachments: [followUpCard({ lang, meetingId: meeting.id, meeting: meeting.fields, templateId: template.id, template: template.fields, respondentMri: member.id })],
        },
      });
    }
  } else {
    ctx.log(`meeting end: no follow-up template for ${meeting.fields.type}; only the summary is sent`);
  }
  await ctx.outbox.enqueueAll(messages);
  return { kind: 'queued', meetingId: meeting.id, participants: template ? people.length : 0, via: recipients.via, withoutTemplate: !template };
}

/**
 * The meeting is ended: its follow-up questions are out, so Mina åtgärder lists them until
 * answered. The first end wins (a redelivered event changes nothing).
 */
async function markEnded(store: BotStore, meeting: StoredItem<BotMeeting>, endedAt: string): Promise<StoredItem<BotMeeting>> {
  return changeMeeting(store, meeting, (fields) => (fields.endedAt === undefined ? { endedAt } : undefined));
}

/**
 * Who gets the follow-up questions: those who joined the meeting, as its participant events
 * recorded; only when no such event arrived (the subscription is off, an old install), the chat's
 * members.
 */
export function followUpRecipients(meeting: BotMeeting, members: readonly Member[]): { via: 'joined' | 'chatMembers'; people: Recipient[] } {
  const attendees = meeting.attendees ?? [];
  if (attendees.length > 0) return { via: 'joined', people: attendees.map((a) => ({ id: a.teamsId, aadObjectId: a.userId })) };
  return { via: 'chatMembers', people: uniqueHumans(members) };
}

type Recipient = Member & { aadObjectId: string };

function uniqueHumans(members: readonly Member[]): Recipient[] {
  const seen = new Set<string>();
  const out: Recipient[] = [];
  for (const m of members) {
    if (!m.aadObjectId || m.id.startsWith('28:') || seen.has(m.aadObjectId)) continue;
    seen.add(m.aadObjectId);
    out.push({ ...m, aadObjectId: m.aadObjectId });
  }
  return out;
}
