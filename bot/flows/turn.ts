/**
 * One incoming activity as the flows see it: plain data plus the two things a flow may do in the
 * turn. The adapter layer builds it from botbuilder's TurnContext; tests build it by hand.
 */
import type { Strings } from '../cards/strings';
import type { MessageActivity } from '../outbox/message';
import type { ConversationRef } from './reference';

export interface Member {
  /** the Teams user id ("29:...") */
  id: string;
  aadObjectId?: string;
  name?: string;
}

export interface TurnInfo {
  activityId?: string;
  type: string;
  name?: string;
  text?: string;
  value?: unknown;
  from: { id: string; aadObjectId?: string; name?: string };
  conversationId: string;
  conversationType?: string;
  tenantId?: string;
  serviceUrl: string;
  channelId: string;
  locale?: string;
  /** the Teams meeting id from channelData.meeting.id, in meeting chats and meeting events */
  meetingId?: string;
  reference: ConversationRef;
}

export interface Turn {
  readonly info: TurnInfo;
  reply(activity: MessageActivity): Promise<void>;
  /** everyone in the conversation (paged members), bots excluded */
  members(): Promise<Member[]>;
}

/** What an Action.Execute answers with: a card that replaces the one clicked, or a message. */
export type CardActionResult =
  | { kind: 'card'; card: { contentType: string; content: unknown } }
  | { kind: 'message'; text: string }
  | { kind: 'error'; status: number; code: string; message: string };

/** A card value the bot does not recognise: 400, as the API answers a malformed body. */
export const invalidCard = (s: Strings): CardActionResult => ({ kind: 'error', status: 400, code: 'BadRequest', message: s.invalidCard });
