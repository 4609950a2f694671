/**
 * The least an activity must hold before botbuilder sees it. Anything short of this is a 400:
 * botbuilder would otherwise throw deep inside its own parsing.
 */
import { z } from 'zod';

export const IncomingActivitySchema = z.object({
  type: z.string().min(1).max(100),
  id: z.string().max(500).optional(),
  channelId: z.string().min(1).max(100),
  serviceUrl: z.string().url().max(2_000),
  conversation: z.object({ id: z.string().min(1).max(1_000) }).passthrough(),
  from: z.object({ id: z.string().min(1).max(500) }).passthrough(),
  recipient: z.object({ id: z.string().max(500) }).passthrough().optional(),
  name: z.string().max(200).optional(),
  text: z.string().max(28_000).optional(),
}).passthrough();

export type IncomingActivity = z.infer<typeof IncomingActivitySchema>;

/** Teams redelivers with the same activity id; the key also scopes it by conversation. */
export function dedupeKeyOf(activity: IncomingActivity): string | undefined {
  return activity.id ? `${activity.channelId}|${activity.conversation.id}|${activity.id}` : undefined;
}
