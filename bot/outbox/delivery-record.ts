/**
 * What an outbound job records about its delivery, in its payload beside the message. Each part
 * is written with the job's eTag before the step that depends on it:
 * - `opened`: the 1:1 conversation created for a user target, so a retry posts there and does
 *   not create it again;
 * - `sending`: an attempt is about to post (which attempt, instance, time, conversation). A retry
 *   that finds it knows that attempt may have delivered the card;
 * - `unconfirmed`: the earlier attempts found that way, whose post may or may not have arrived;
 * - `delivery`: the connector's answer (activity id, conversation, time, instance), written
 *   together with `status: 'done'`: a job counts as sent only once it is recorded.
 */
import { z } from 'zod';
import { ConversationRefSchema, type ConversationRef } from '../flows/reference';
import { activityFitsTarget, activityFitsTargetMessage, OutboundMessageShape, type OutboundMessage } from './message';

export const AttemptSchema = z.object({
  attempt: z.number().int().min(0),
  by: z.string(),
  at: z.string(),
  conversationId: z.string(),
});
export type Attempt = z.infer<typeof AttemptSchema>;

const DeliveredSchema = z.object({
  conversationId: z.string(),
  activityId: z.string().optional(),
  createdReference: ConversationRefSchema.optional(),
  at: z.string(),
  by: z.string(),
});

const DeliveryRecordSchema = z.object({
  opened: ConversationRefSchema.optional(),
  sending: AttemptSchema.optional(),
  unconfirmed: z.array(AttemptSchema).default([]),
  delivery: DeliveredSchema.optional(),
});

export interface DeliveryRecord {
  readonly opened?: ConversationRef;
  readonly sending?: Attempt;
  readonly unconfirmed: readonly Attempt[];
  readonly delivery?: z.infer<typeof DeliveredSchema>;
}

/** An outbound job's payload: the message and its delivery record. */
export const OutboundPayloadSchema = OutboundMessageShape.extend(DeliveryRecordSchema.shape).refine(activityFitsTarget, activityFitsTargetMessage);

/** Splits a parsed payload into the message and its record. */
export function splitPayload(payload: z.infer<typeof OutboundPayloadSchema>): { message: OutboundMessage; record: DeliveryRecord } {
  const { opened, sending, unconfirmed, delivery, ...message } = payload;
  return { message, record: { unconfirmed, ...(opened ? { opened } : {}), ...(sending ? { sending } : {}), ...(delivery ? { delivery } : {}) } };
}

/** The payload to store: the message and the record as it now stands. */
export function payloadOf(message: OutboundMessage, record: DeliveryRecord): Record<string, unknown> {
  return { ...message, ...record };
}
