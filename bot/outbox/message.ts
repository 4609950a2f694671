/** What goes through the outbox: plain data, persisted as a Job's payload. */
import { z } from 'zod';
import { ConversationRefSchema } from '../flows/reference';

export const AttachmentSchema = z.object({ contentType: z.string(), content: z.unknown() });

export const OutgoingActivitySchema = z.object({
  type: z.literal('message'),
  text: z.string().optional(),
  summary: z.string().optional(),
  attachments: z.array(AttachmentSchema).optional(),
});
export type OutgoingActivity = z.infer<typeof OutgoingActivitySchema>;

/** A user we may not have a 1:1 conversation with yet: the connector creates one (idempotent in Teams). */
export const UserTargetSchema = z.object({
  kind: z.literal('user'),
  /** the Teams user id ("29:...") */
  userId: z.string().min(1),
  aadObjectId: z.string().optional(),
  tenantId: z.string().optional(),
  serviceUrl: z.string().min(1),
  channelId: z.string().default('msteams'),
  /** the bot's account in Teams ("28:<app id>"), as the incoming activity named it */
  bot: z.object({ id: z.string(), name: z.string().optional() }).optional(),
});

export type UserTarget = z.infer<typeof UserTargetSchema>;

export const ConversationTargetSchema = z.object({ kind: z.literal('conversation'), reference: ConversationRefSchema });

export const OutboundMessageSchema = z.object({
  /** deterministic: the same logical message always has the same key (e.g. followup:<meeting>:<user>) */
  key: z.string().min(1).max(240),
  target: z.discriminatedUnion('kind', [UserTargetSchema, ConversationTargetSchema]),
  activity: OutgoingActivitySchema,
});
export type OutboundMessage = z.infer<typeof OutboundMessageSchema>;
export type OutboundTarget = OutboundMessage['target'];

export interface Delivery {
  conversationId: string;
  activityId?: string;
  /** set when the connector created a 1:1 conversation for a user target */
  createdReference?: z.infer<typeof ConversationRefSchema>;
}

/** The steps of one attempt that the outbox takes part in, and what earlier attempts left it. */
export interface SendSteps {
  /** awaited before every HTTP request (the rate limits) */
  gate(conversationKey: string): Promise<void>;
  /** a user target's 1:1 conversation that an earlier attempt opened: post there, do not create it again */
  readonly opened?: z.infer<typeof ConversationRefSchema>;
  /**
   * Awaited once the conversation exists, right before the post (after its gate): the outbox
   * records that the message is going out. When it throws, nothing may be posted.
   */
  posting(conversation: Omit<Delivery, 'activityId'>): Promise<void>;
}

/** The connector, seen from the outbox. */
export interface Sender {
  send(message: OutboundMessage, deliveryId: string, steps: SendSteps): Promise<Delivery>;
}

/** A failed send: `status` absent means the connection failed. */
export class SendError extends Error {
  override readonly name: string = 'SendError';
  constructor(message: string, readonly status?: number, readonly retryAfterMs?: number) {
    super(message);
  }
}

/** The job is no longer this instance's (its lease ran out, another claimed it): nothing was posted. */
export class LeaseLostError extends SendError {
  override readonly name = 'LeaseLostError';
}

/** The rate-limit key of a target: one per Teams conversation (or per user until it exists). */
export function conversationKeyOf(target: OutboundTarget): string {
  return target.kind === 'conversation' ? target.reference.conversation.id : `user:${target.userId}`;
}
