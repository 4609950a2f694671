/** What goes through the outbox: plain data, persisted as a Job's payload. */
import { z } from 'zod';
import { ConversationRefSchema } from '../flows/reference';

export const AttachmentSchema = z.object({ contentType: z.string(), content: z.unknown() });

export const MessageActivitySchema = z.object({
  type: z.literal('message'),
  text: z.string().optional(),
  summary: z.string().optional(),
  attachments: z.array(AttachmentSchema).optional(),
});

/**
 * Teams' targeted in-meeting notification, the body of `POST {serviceUrl}/v1/meetings/{meetingId}/notification`
 * (RSC OnlineMeetingNotification.Send.Chat): a dialog with `url` shown to `recipients` (Teams user
 * ids, "29:...") only, on the meeting's stage or its tab icon. One surface of each kind at most.
 */
export const TargetedMeetingNotificationSchema = z.object({
  type: z.literal('targetedMeetingNotification'),
  value: z.object({
    recipients: z.array(z.string().startsWith('29:')).min(1).max(50),
    surfaces: z.array(z.object({
      surface: z.enum(['meetingStage', 'meetingTabIcon']),
      contentType: z.literal('task'),
      content: z.object({ value: z.object({ height: z.number().int().positive(), width: z.number().int().positive(), title: z.string().min(1), url: z.url() }) }),
    })).min(1).max(2),
  }),
});
export type TargetedMeetingNotification = z.infer<typeof TargetedMeetingNotificationSchema>;

/** What goes out: a message into a conversation, or a targeted notification inside a meeting. */
export const OutgoingActivitySchema = z.discriminatedUnion('type', [MessageActivitySchema, TargetedMeetingNotificationSchema]);
export type OutgoingActivity = z.infer<typeof OutgoingActivitySchema>;
export type MessageActivity = z.infer<typeof MessageActivitySchema>;

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

/** A Teams meeting, by its Teams meeting id; the meeting chat's reference says where its connector is. */
export const MeetingTargetSchema = z.object({ kind: z.literal('meeting'), teamsMeetingId: z.string().min(1), reference: ConversationRefSchema });

/** The message's fields; `OutboundMessageSchema` adds the rule that ties the activity to its target. */
export const OutboundMessageShape = z.object({
  /** deterministic: the same logical message always has the same key (e.g. followup:<meeting>:<user>) */
  key: z.string().min(1).max(240),
  target: z.discriminatedUnion('kind', [UserTargetSchema, ConversationTargetSchema, MeetingTargetSchema]),
  activity: OutgoingActivitySchema,
});

/** A meeting takes a targeted notification, and only a meeting does. */
export function activityFitsTarget(message: z.infer<typeof OutboundMessageShape>): boolean {
  return (message.target.kind === 'meeting') === (message.activity.type === 'targetedMeetingNotification');
}
export const activityFitsTargetMessage = { message: 'a meeting takes a targeted meeting notification, and only a meeting does', path: ['activity', 'type'] };

export const OutboundMessageSchema = OutboundMessageShape.refine(activityFitsTarget, activityFitsTargetMessage);
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
  /**
   * Awaited before every HTTP request (the rate limits). A request that posts the message names
   * the conversation it goes to: once its slot is reached, and before it departs, the outbox
   * records that the message is going out. When it throws, nothing may be posted.
   */
  gate(conversationKey: string, posting?: Omit<Delivery, 'activityId'>): Promise<void>;
  /** a user target's 1:1 conversation that an earlier attempt opened: post there, do not create it again */
  readonly opened?: z.infer<typeof ConversationRefSchema>;
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
  if (target.kind === 'user') return `user:${target.userId}`;
  return target.kind === 'meeting' ? `meeting:${target.teamsMeetingId}` : target.reference.conversation.id;
}
