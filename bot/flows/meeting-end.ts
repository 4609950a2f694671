/**
 * Meeting end: a summary card to the meeting chat, and a 1:1 follow-up card to each participant.
 * Every card is a job with a deterministic key, so a redelivered meetingEnd (or two instances
 * receiving it) queues nothing twice.
 */
import { followUpCard } from '../cards/follow-up-card';
import { linkMeetingCard, meetingSummaryCard } from '../cards/meeting-cards';
import type { BotMeeting, BotStore } from '../data/entities';
import { BOT_ACTOR } from '../outbox/jobs';
import type { OutboundMessage } from '../outbox/message';
import type { FlowContext } from './context';
import { actionsFromMeeting, findMeeting, latestTemplate } from './meetings';
import type { Member, Turn } from './turn';
import { isoDateTime, languageOf } from '../../src/domain';
import { ConflictError } from '../../src/store/errors';
import type { StoredItem } from '../../src/store/port';

export type MeetingEndOutcome =
  | { kind: 'notLinked' }
  | { kind: 'queued'; meetingId: string; participants: number; withoutTemplate: boolean };

/** Runs `fn` over `items` with at most `limit` at a time (enqueueing is a store write each). */
async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export async function onMeetingEnd(ctx: FlowContext, turn: Turn): Promise<MeetingEndOutcome> {
  const { info } = turn;
  const lang = languageOf(info.locale);
  const chat = { kind: 'conversation' as const, reference: info.reference };
  const meeting = await findMeeting(ctx.store, info.meetingId, info.conversationId);
  if (!meeting) {
    await ctx.outbox.enqueue({ key: `link:${info.conversationId}:${info.meetingId ?? 'chat'}`, target: chat, activity: { type: 'message', attachments: [linkMeetingCard(lang)] } });
    return { kind: 'notLinked' };
  }
  await markEnded(ctx.store, meeting, endTimeOf(info.value) ?? new Date(ctx.clock.now()).toISOString());
  const [actions, template, members] = await Promise.all([
    actionsFromMeeting(ctx.store, meeting.id),
    latestTemplate(ctx.store, meeting.fields.type),
    turn.members(),
  ]);
  const people = uniqueHumans(members);
  const messages: OutboundMessage[] = [{
    key: `summary:${meeting.id}`,
    target: chat,
    activity: { type: 'message', summary: meeting.fields.title, attachments: [meetingSummaryCard(lang, meeting.fields, actions, template ? people.length : 0)] },
  }];
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
          attachments: [followUpCard({ lang, meetingId: meeting.id, meeting: meeting.fields, templateId: template.id, template: template.fields, respondentId: member.aadObjectId })],
        },
      });
    }
  } else {
    ctx.log(`meeting end: no follow-up template for ${meeting.fields.type}; only the summary is sent`);
  }
  await eachLimited(messages, 16, (m) => ctx.outbox.enqueue(m));
  return { kind: 'queued', meetingId: meeting.id, participants: template ? people.length : 0, withoutTemplate: !template };
}

/** Teams' meetingEnd event carries the end as `value.EndTime`; anything else is no end time. */
function endTimeOf(value: unknown): string | undefined {
  const endTime = typeof value === 'object' && value !== null && 'EndTime' in value ? value.EndTime : undefined;
  const parsed = isoDateTime.safeParse(endTime);
  return parsed.success ? new Date(parsed.data).toISOString() : undefined;
}

/**
 * The meeting is ended: its follow-up questions are out, so Mina åtgärder lists them until
 * answered. The first end wins (a redelivered event changes nothing); a concurrent edit of the
 * meeting is read again, never overwritten.
 */
async function markEnded(store: BotStore, meeting: StoredItem<BotMeeting>, endedAt: string): Promise<void> {
  let current = meeting;
  for (let attempt = 0; attempt < 3 && current.fields.endedAt === undefined; attempt += 1) {
    try {
      await store.update('meetings', current.id, { endedAt }, { actor: BOT_ACTOR, etag: current.etag });
      return;
    } catch (error) {
      if (!(error instanceof ConflictError) || !error.current) throw error;
      current = error.current as StoredItem<BotMeeting>;
    }
  }
}

function uniqueHumans(members: readonly Member[]): (Member & { aadObjectId: string })[] {
  const seen = new Set<string>();
  const out: (Member & { aadObjectId: string })[] = [];
  for (const m of members) {
    if (!m.aadObjectId || m.id.startsWith('28:') || seen.has(m.aadObjectId)) continue;
    seen.add(m.aadObjectId);
    out.push({ ...m, aadObjectId: m.aadObjectId });
  }
  return out;
}
