/**
 * A meeting-end fan-out of 300 through the outbox, over the Bot Connector client, to a fake
 * connector that enforces the limits: every participant gets their card exactly once, and what
 * arrives at the connector never fills a window beyond its limit (so it never has to refuse).
 * Teams' windows are scaled to a tenth of their length to keep the test short; nothing here
 * depends on how long it takes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lists } from '../../src/lists/lists';
import { createMemoryStore } from '../../src/store/memory-store';
import { ConnectorSender } from '../adapter/connector-sender';
import { createCloudAdapter } from '../adapter/cloud-adapter';
import { startFakeConnector, type FakeConnector } from '../testing/fake-connector';
import { MEETING_CHAT, teamsIdOf, TENANT, userN } from '../testing/fixtures';
import type { OutboundMessage } from './message';
import { Outbox } from './outbox';
import { RateLimiter, teamsAppWindows, teamsConversationWindows, type Window } from './rate-limiter';

const PARTICIPANTS = 300;
/** cards to the meeting chat as well: enough to fill its shortest windows */
const CHAT_CARDS = 20;
const scaled = (windows: readonly Window[]): Window[] => windows.map((w) => ({ limit: w.limit, ms: w.ms / 10 }));
const conversationWindows = scaled(teamsConversationWindows);
const appWindows = scaled(teamsAppWindows);

/** The most arrivals any window of `ms` ending at an arrival holds (the connector counts (t - ms, t]). */
function busiest(times: readonly number[], ms: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[start] ?? 0) <= (sorted[end] ?? 0) - ms) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

describe('outbox: meeting-end fan-out under the rate limits', () => {
  let connector: FakeConnector;
  beforeEach(async () => {
    // Teams does not deduplicate: neither does this connector, so a card sent twice is seen twice
    connector = await startFakeConnector({ conversationWindows, appWindows, latencyMs: 2, dedupeByClientId: false });
  });
  afterEach(async () => {
    await connector.close();
  });

  it('sends to every participant exactly once and never exceeds a window of any limit', { timeout: 120_000 }, async () => {
    const store = createMemoryStore(lists);
    const sender = new ConnectorSender({ adapter: createCloudAdapter({ mode: 'local' }), serviceUrl: connector.url });
    const outbox = new Outbox({ store, sender, limiter: new RateLimiter({ conversationWindows, appWindows }) });
    const participants = Array.from({ length: PARTICIPANTS }, (_, i) => ({ id: teamsIdOf(userN(i + 1)), aadObjectId: userN(i + 1) }));
    const chat = { channelId: 'msteams', serviceUrl: connector.url, conversation: { id: MEETING_CHAT } };
    const messages: OutboundMessage[] = [
      ...Array.from({ length: CHAT_CARDS }, (_, n): OutboundMessage => ({ key: `summary:${n}`, target: { kind: 'conversation', reference: chat }, activity: { type: 'message', text: `Sammanfattning ${n}` } })),
      ...participants.map((p): OutboundMessage => ({
        key: `followup:${p.aadObjectId}`,
        target: { kind: 'user', userId: p.id, aadObjectId: p.aadObjectId, tenantId: TENANT, serviceUrl: connector.url, channelId: 'msteams' },
        activity: { type: 'message', text: 'Uppföljning' },
      })),
    ];
    for (const m of messages) await outbox.enqueue(m);

    let result = await outbox.drainAll();
    for (let pass = 0; pass < 20 && result.sent < messages.length; pass++) {
      await new Promise((r) => setTimeout(r, 100));
      const more = await outbox.drainAll();
      result = { ...more, sent: result.sent + more.sent };
    }

    // exactly once: one card in each participant's 1:1 chat, each of the chat's cards once
    expect(result.sent).toBe(messages.length);
    expect(connector.created.size).toBe(PARTICIPANTS);
    const perConversation = new Map<string, string[]>();
    for (const a of connector.activities) perConversation.set(a.conversationId, [...(perConversation.get(a.conversationId) ?? []), String(a.activity.text)]);
    for (const p of participants) expect(perConversation.get(connector.created.get(p.id) ?? '')).toEqual(['Uppföljning']);
    expect(perConversation.get(MEETING_CHAT)?.sort()).toEqual(Array.from({ length: CHAT_CARDS }, (_, n) => `Sammanfattning ${n}`).sort());
    expect(connector.activities).toHaveLength(messages.length);

    // never over a limit: the connector refused nothing, and what it counted fits every window
    expect(connector.stats.throttled).toBe(0);
    expect(connector.arrivals).toHaveLength(PARTICIPANTS * 2 + CHAT_CARDS);
    for (const w of appWindows) expect(busiest(connector.arrivals.map((a) => a.at), w.ms)).toBeLessThanOrEqual(w.limit);
    const byConversation = new Map<string, number[]>();
    for (const a of connector.arrivals) byConversation.set(a.conversationKey, [...(byConversation.get(a.conversationKey) ?? []), a.at]);
    for (const [, times] of byConversation) {
      for (const w of conversationWindows) expect(busiest(times, w.ms)).toBeLessThanOrEqual(w.limit);
    }
    // How full the windows get depends on how busy the machine is, so it is not asserted here:
    // rate-limiter.spec.ts holds, on a fake clock, that the limiter packs each window to its limit.
  });
});
