/**
 * Conversation references in BotConversations, keyed by conversation id (also the clientKey, so a
 * retried create never duplicates), updated in place when they change, and cached so that a busy
 * chat does not write on every message.
 */
import { ConflictError } from '../../src/store/errors';
import type { BotStore } from '../data/entities';
import { BOT_ACTOR } from '../outbox/jobs';
import { ConversationRefSchema, kindOf, type ConversationRef } from './reference';

export interface ConversationsOptions {
  store: BotStore;
  cacheSize?: number;
  now?: () => number;
}

export class Conversations {
  private readonly store: BotStore;
  private readonly known = new Map<string, string>();
  private readonly cacheSize: number;
  private readonly now: () => number;

  constructor(options: ConversationsOptions) {
    this.store = options.store;
    this.cacheSize = options.cacheSize ?? 5_000;
    this.now = options.now ?? Date.now;
  }

  /** Stores or refreshes a reference; `userId` (Entra object id) is set for 1:1 conversations. */
  async remember(ref: ConversationRef, userId?: string): Promise<void> {
    // a reply thread in a channel ("19:...;messageid=123") is stored as its channel
    const clean: ConversationRef = { ...ref, conversation: { ...ref.conversation, id: ref.conversation.id.replace(/;messageid=\d+$/, '') } };
    const serialized = JSON.stringify(clean);
    const id = clean.conversation.id;
    if (this.known.get(id) === serialized) return;
    const kind = kindOf(clean);
    const tenantId = clean.conversation.tenantId;
    const fields = {
      conversationId: id, kind, reference: clean as Record<string, unknown>, lastSeenAt: new Date(this.now()).toISOString(),
      ...(kind === 'personal' && userId ? { userId } : {}), ...(tenantId ? { tenantId } : {}),
    };
    const item = await this.store.create('botConversations', fields, { actor: BOT_ACTOR, clientKey: id });
    if (JSON.stringify(item.fields.reference) !== serialized || (fields.userId && item.fields.userId !== fields.userId)) {
      try {
        await this.store.update('botConversations', item.id, fields, { actor: BOT_ACTOR, etag: item.etag });
      } catch (error) {
        // another instance refreshed the same reference at the same moment: theirs is as good
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    if (this.known.size >= this.cacheSize) this.known.delete(this.known.keys().next().value as string);
    this.known.set(id, serialized);
  }

  /** The 1:1 conversation with a user, if the bot has one. */
  async personalWith(userId: string): Promise<ConversationRef | undefined> {
    const page = await this.store.query('botConversations', { filter: [{ field: 'userId', op: 'eq', value: userId }], top: 5 });
    for (const item of page.items) {
      if (item.fields.kind !== 'personal') continue;
      const parsed = ConversationRefSchema.safeParse(item.fields.reference);
      if (parsed.success) return parsed.data;
    }
    return undefined;
  }

  /** The stored reference of a conversation (a meeting chat, a channel). */
  async byId(conversationId: string): Promise<ConversationRef | undefined> {
    const page = await this.store.query('botConversations', { filter: [{ field: 'conversationId', op: 'eq', value: conversationId }], top: 1 });
    const parsed = ConversationRefSchema.safeParse(page.items[0]?.fields.reference);
    return parsed.success ? parsed.data : undefined;
  }
}
