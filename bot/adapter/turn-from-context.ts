/** Builds the flows' plain Turn from botbuilder's TurnContext. */
import { TeamsInfo, TurnContext, type Activity } from 'botbuilder';
import { ConversationRefSchema } from '../flows/reference';
import type { Member, Turn, TurnInfo } from '../flows/turn';
import type { MessageActivity } from '../outbox/message';

function meetingIdOf(activity: Activity): string | undefined {
  const channelData = activity.channelData as { meeting?: { id?: unknown } } | undefined;
  const fromChannel = channelData?.meeting?.id;
  if (typeof fromChannel === 'string' && fromChannel) return fromChannel;
  const value = activity.value as { Id?: unknown; id?: unknown } | undefined;
  const fromValue = value?.Id ?? value?.id;
  return typeof fromValue === 'string' && fromValue ? fromValue : undefined;
}

function tenantOf(activity: Activity): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const id = activity.conversation?.tenantId ?? channelData?.tenant?.id;
  return typeof id === 'string' ? id : undefined;
}

export function infoOf(context: TurnContext): TurnInfo {
  const a = context.activity;
  const raw = TurnContext.getConversationReference(a);
  const reference = ConversationRefSchema.parse({ ...raw, conversation: { ...raw.conversation, ...(tenantOf(a) ? { tenantId: tenantOf(a) } : {}) } });
  const meetingId = meetingIdOf(a);
  const tenantId = tenantOf(a);
  return {
    type: a.type,
    from: { id: a.from.id, ...(a.from.aadObjectId ? { aadObjectId: a.from.aadObjectId } : {}), ...(a.from.name ? { name: a.from.name } : {}) },
    conversationId: a.conversation.id,
    serviceUrl: a.serviceUrl,
    channelId: a.channelId,
    reference,
    ...(a.id ? { activityId: a.id } : {}),
    ...(a.name ? { name: a.name } : {}),
    ...(typeof a.text === 'string' ? { text: a.text } : {}),
    ...(a.value !== undefined ? { value: a.value as unknown } : {}),
    ...(a.conversation.conversationType ? { conversationType: a.conversation.conversationType } : {}),
    ...(tenantId ? { tenantId } : {}),
    ...(a.locale ? { locale: a.locale } : {}),
    ...(meetingId ? { meetingId } : {}),
  };
}

/**
 * Awaited before each call to the Bot Connector in a turn (the outbox's rate limits hold for these
 * too); what it returns is called once the answer is in.
 */
export type ConnectorGate = (conversationKey: string) => Promise<() => void>;

const open: ConnectorGate = async () => () => {};

/** One call to the Bot Connector through `gate`. */
async function through<T>(gate: ConnectorGate, conversationKey: string, call: () => Promise<T>): Promise<T> {
  const answered = await gate(conversationKey);
  try {
    return await call();
  } finally {
    answered();
  }
}

/** Everyone in the conversation, page by page (Teams' pagedmembers; bounded). */
async function pagedMembers(context: TurnContext, gate: ConnectorGate): Promise<Member[]> {
  const members: Member[] = [];
  let token: string | undefined;
  for (let page = 0; page < 100; page++) {
    const result = await through(gate, context.activity.conversation.id, () => TeamsInfo.getPagedMembers(context, 500, token));
    for (const m of result.members) {
      members.push({ id: m.id, ...(m.aadObjectId ? { aadObjectId: m.aadObjectId } : {}), ...(m.name ? { name: m.name } : {}) });
    }
    token = result.continuationToken;
    if (!token) break;
  }
  return members;
}

export function turnFromContext(context: TurnContext, gate: ConnectorGate = open): Turn {
  return {
    info: infoOf(context),
    reply: async (activity: MessageActivity) => {
      await through(gate, context.activity.conversation.id, () => context.sendActivity(activity as Partial<Activity>));
    },
    members: () => pagedMembers(context, gate),
  };
}
