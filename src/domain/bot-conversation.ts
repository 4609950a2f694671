import { z } from 'zod';
import { isoDateTime, objectId } from './common';

export const conversationKinds = ['personal', 'channel', 'groupChat', 'meeting'] as const;

/** Where the bot can write again: a stored conversation reference. */
export const BotConversationSchema = z.strictObject({
  conversationId: z.string().min(1).max(255),
  kind: z.enum(conversationKinds),
  userId: objectId.optional(),
  tenantId: z.string().max(64).optional(),
  /** the botbuilder ConversationReference, as JSON */
  reference: z.record(z.string(), z.unknown()),
  lastSeenAt: isoDateTime,
});
export type BotConversation = z.infer<typeof BotConversationSchema>;
