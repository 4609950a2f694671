/**
 * A conversation reference as plain JSON: what the Bot Connector needs to write into a
 * conversation later (stored in BotConversations). Same field names as the Bot Framework schema.
 */
import { z } from 'zod';

const AccountSchema = z.object({ id: z.string(), name: z.string().optional(), aadObjectId: z.string().optional() }).passthrough();

export const ConversationRefSchema = z.object({
  channelId: z.string(),
  serviceUrl: z.string().min(1),
  conversation: z.object({
    id: z.string().min(1),
    conversationType: z.string().optional(),
    tenantId: z.string().optional(),
    isGroup: z.boolean().optional(),
  }).passthrough(),
  bot: AccountSchema.optional(),
  user: AccountSchema.optional(),
  locale: z.string().optional(),
});

export type ConversationRef = z.infer<typeof ConversationRefSchema>;

/** 'personal' (1:1 with a user), 'channel', 'meeting' (a meeting's chat) or 'groupChat'. */
export type ConversationKind = 'personal' | 'groupChat' | 'channel' | 'meeting';

export function kindOf(ref: ConversationRef): ConversationKind {
  const type = ref.conversation.conversationType;
  if (type === 'personal' || type === 'channel') return type;
  return ref.conversation.id.startsWith('19:meeting_') ? 'meeting' : 'groupChat';
}
