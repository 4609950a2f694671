/** What every flow gets: the store port, the read model, the outbox, time and a log. */
import { isoDay } from '../../src/domain';
import type { BotStore, BotViews } from '../data/entities';
import type { Clock } from '../outbox/clock';
import type { OutboundMessage } from '../outbox/message';
import type { Conversations } from './conversations';

export interface FlowContext {
  store: BotStore;
  /** what the scans and Mina åtgärder read: lists that pass the list view threshold are never queried */
  readModel: BotViews;
  conversations: Conversations;
  outbox: { enqueue(message: OutboundMessage, dueAt?: number): Promise<void> };
  clock: Clock;
  log: (message: string) => void;
}

export const addDays = (day: string, days: number): string => isoDay(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000);

export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000);
