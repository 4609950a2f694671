import { z } from 'zod';
import { isoDateTime } from './common';

export const conversationKinds = ['personal', 'channel', 'groupChat', 'meeting'] as const;

/**
 * An id as the channel sends it, not as we would like it: Teams sends user ids "29:..." and
 * Entra object ids as aadObjectId, Microsoft 365 Agents Playground its own ("user-id-0", an
 * aadObjectId whose last group has 13 digits). A reference must be storable for each of them.
 */
const channelAccountId = z.string().trim().min(1).max(255);

/** Where the bot can write again: a stored conversation reference. */
export const BotConversationSchema = z.strictObject({
  conversationId: z.string().min(1).max(255),
  kind: z.enum(conversationKinds),
  /** the user of a 1:1 conversation: the aadObjectId the channel sends (an Entra object id in Teams) */
  userId: channelAccountId.optional(),
  tenantId: z.string().max(64).optional(),
  /** the botbuilder ConversationReference, as JSON */
  reference: z.record(z.string(), z.unknown()),
  lastSeenAt: isoDateTime,
});
export type BotConversation = z.infer<typeof BotConversationSchema>;
