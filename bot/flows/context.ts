/** What every flow gets: the store port, the read model, the services a card action shares with the API, the outbox, time and a log. */
import { isoDay } from '../../src/domain';
import type { Services } from '../../src/services';
import type { BotStore, BotViews } from '../data/entities';
import type { Clock } from '../outbox/clock';
import type { OutboundMessage } from '../outbox/message';
import type { Conversations } from './conversations';

/**
 * The services whose rules a card action must share with the API: the caller as the policy sees
 * them, and the same service calls the tab's routes make (one policy, not two).
 */
export type CardServices = Pick<Services, 'access' | 'callers' | 'actions' | 'followUps'>;

export interface FlowContext {
  store: BotStore;
  services: CardServices;
  /** what the scans and Mina åtgärder read: lists that pass the list view threshold are never queried */
  readModel: BotViews;
  conversations: Conversations;
  outbox: {
    enqueue(message: OutboundMessage, dueAt?: number): Promise<void>;
    /** many messages in a few round trips (a meeting's follow-up cards) */
    enqueueAll(messages: readonly OutboundMessage[]): Promise<void>;
  };
  clock: Clock;
  log: (message: string) => void;
  /** the tab's public address: cards link to it (absent: cards carry no links) */
  tabUrl?: string;
}

export const addDays = (day: string, days: number): string => isoDay(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000);

export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000);
