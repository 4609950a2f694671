/**
 * The outbox's Sender over botbuilder: sends into a stored conversation, or creates the 1:1
 * conversation with a user first (Teams returns the existing one if there is one), unless an
 * earlier attempt opened it. Right before each post it lets the outbox record the attempt.
 * The delivery id goes out in channelData (botbuilder drops an activity's own id on send, and the
 * extra fields of entities). Teams ignores it and does not deduplicate; a connector that does can
 * (bot/README.md, "Delivery guarantee").
 */
import { TeamsInfo, type Activity, type CloudAdapter, type ConversationParameters, type ConversationReference, type TurnContext } from 'botbuilder';
import { ConversationRefSchema, type ConversationRef } from '../flows/reference';
import {
  conversationKeyOf, SendError, type Delivery, type OutboundMessage, type OutboundTarget, type Sender, type SendSteps, type TargetedMeetingNotification, type UserTarget,
} from '../outbox/message';

const BOT_FRAMEWORK_AUDIENCE = 'https://api.botframework.com';

/** The channelData field that carries an outbound message's deterministic delivery id. */
export const DELIVERY_FIELD = 'kvalitetshjuletDeliveryId';

export interface ConnectorSenderOptions {
  adapter: CloudAdapter;
  botId?: string;
  /** replaces every serviceUrl (tests point the bot at a fake connector) */
  serviceUrl?: string;
}

function headerOf(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  const h = headers as { get?: (n: string) => unknown } & Record<string, unknown>;
  const value = typeof h.get === 'function' ? h.get(name) : h[name] ?? h[name.toLowerCase()];
  return typeof value === 'string' ? value : undefined;
}

/** botbuilder's REST errors → SendError with status and Retry-After. */
export function toSendError(error: unknown): SendError {
  if (error instanceof SendError) return error;
  const e = error as { statusCode?: unknown; status?: unknown; message?: unknown; response?: { status?: unknown; headers?: unknown } };
  const statusValue = e?.statusCode ?? e?.response?.status ?? e?.status;
  const status = typeof statusValue === 'number' ? statusValue : undefined;
  const retryAfter = headerOf(e?.response?.headers, 'retry-after');
  const seconds = retryAfter !== undefined ? Number(retryAfter) : NaN;
  const retryAfterMs = Number.isFinite(seconds) ? seconds * 1_000 : retryAfter ? Math.max(0, Date.parse(retryAfter) - Date.now()) : undefined;
  return new SendError(typeof e?.message === 'string' ? e.message : String(error), status, Number.isFinite(retryAfterMs) ? retryAfterMs : undefined);
}

export class ConnectorSender implements Sender {
  private readonly adapter: CloudAdapter;
  private readonly botId: string;
  private readonly serviceUrl: string | undefined;

  constructor(options: ConnectorSenderOptions) {
    this.adapter = options.adapter;
    this.botId = options.botId ?? '';
    this.serviceUrl = options.serviceUrl;
  }

  async send(message: OutboundMessage, deliveryId: string, steps: SendSteps): Promise<Delivery> {
    const target = message.target;
    try {
      if (message.activity.type === 'targetedMeetingNotification') {
        if (target.kind !== 'meeting') throw new SendError('a targeted meeting notification goes to a meeting', 400);
        return await this.notify(target, message.activity, steps);
      }
      const activity: Partial<Activity> = { ...message.activity, channelData: { [DELIVERY_FIELD]: deliveryId } };
      if (target.kind === 'meeting') throw new SendError('a meeting takes a targeted meeting notification, not a message', 400);
      if (target.kind === 'conversation') return await this.post(target.reference, activity, steps);
      // the user's 1:1 conversation an earlier attempt opened is posted to like a stored one
      if (steps.opened) return await this.post(steps.opened, activity, steps, steps.opened);
      return await this.openAndPost(target, activity, steps);
    } catch (error) {
      throw toSendError(error);
    }
  }

  /** Posts into a known conversation; `opened` when it is the user's 1:1 chat an earlier attempt created. */
  private async post(stored: ConversationRef, activity: Partial<Activity>, steps: SendSteps, opened?: ConversationRef): Promise<Delivery> {
    const reference = { ...stored, ...(this.serviceUrl ? { serviceUrl: this.serviceUrl } : {}) };
    const conversation = { conversationId: reference.conversation.id, ...(opened ? { createdReference: opened } : {}) };
    let activityId: string | undefined;
    await steps.gate(conversation.conversationId, conversation);
    await this.inTurn((logic) => this.adapter.continueConversationAsync(this.botId, reference as unknown as Partial<ConversationReference>, logic), async (context) => {
      activityId = (await context.sendActivity(activity))?.id;
    });
    return { ...conversation, ...(activityId ? { activityId } : {}) };
  }

  /**
   * A targeted in-meeting notification (`POST {serviceUrl}/v1/meetings/{meetingId}/notification`),
   * sent in a turn of the meeting chat. Teams answers 202 when every recipient was notified, 207
   * naming those who were not: with one recipient that is a refusal, not something to retry.
   * Teams keeps no activity of it: the delivery names the meeting chat only.
   */
  private async notify(target: Extract<OutboundTarget, { kind: 'meeting' }>, notification: TargetedMeetingNotification, steps: SendSteps): Promise<Delivery> {
    const reference = { ...target.reference, ...(this.serviceUrl ? { serviceUrl: this.serviceUrl } : {}) };
    const conversation = { conversationId: reference.conversation.id };
    await steps.gate(conversationKeyOf(target), conversation);
    let refused: string[] = [];
    await this.inTurn((logic) => this.adapter.continueConversationAsync(this.botId, reference as unknown as Partial<ConversationReference>, logic), async (context) => {
      const answer = await TeamsInfo.sendMeetingNotification(context, notification, target.teamsMeetingId);
      refused = (answer?.recipientsFailureInfo ?? []).map((failure) => `${failure.recipientMri ?? '?'}: ${failure.errorCode ?? ''} ${failure.failureReason ?? ''}`.trim());
    });
    if (refused.length > 0) throw new SendError(`Teams did not notify ${refused.join('; ')}`, 422);
    return conversation;
  }

  private async openAndPost(target: UserTarget, activity: Partial<Activity>, steps: SendSteps): Promise<Delivery> {
    const serviceUrl = this.serviceUrl ?? target.serviceUrl;
    const botAccount = target.bot ?? { id: this.botId, name: 'Kvalitetshjulet' };
    const parameters = {
      isGroup: false,
      bot: botAccount,
      members: [{ id: target.userId, ...(target.aadObjectId ? { aadObjectId: target.aadObjectId } : {}) }],
      ...(target.tenantId ? { tenantId: target.tenantId, channelData: { tenant: { id: target.tenantId } } } : {}),
    } as unknown as ConversationParameters;
    let delivery: Delivery | undefined;
    await steps.gate(`user:${target.userId}`);
    await this.inTurn((logic) => this.adapter.createConversationAsync(this.botId, target.channelId, serviceUrl, BOT_FRAMEWORK_AUDIENCE, parameters, logic), async (context) => {
      const conversationId = context.activity.conversation.id;
      const createdReference = ConversationRefSchema.parse({
        channelId: target.channelId,
        serviceUrl: target.serviceUrl,
        conversation: { id: conversationId, conversationType: 'personal', ...(target.tenantId ? { tenantId: target.tenantId } : {}) },
        bot: botAccount,
        user: { id: target.userId, ...(target.aadObjectId ? { aadObjectId: target.aadObjectId } : {}) },
      });
      await steps.gate(conversationId, { conversationId, createdReference });
      const sent = await context.sendActivity(activity);
      delivery = { conversationId, createdReference, ...(sent?.id ? { activityId: sent.id } : {}) };
    });
    if (!delivery) throw new SendError('the connector created no conversation', 502);
    return delivery;
  }

  /**
   * Runs `logic` in a proactive turn and rethrows what it throws: botbuilder would hand the error
   * to onTurnError and report success, and a failed send must not be recorded as delivered.
   */
  private async inTurn(start: (logic: (context: TurnContext) => Promise<void>) => Promise<void>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    let failure: { error: unknown } | undefined;
    await start(async (context) => {
      try {
        await logic(context);
      } catch (error) {
        failure = { error };
      }
    });
    if (failure) throw failure.error;
  }
}
