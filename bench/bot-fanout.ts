/**
 * Meeting end with 300 participants against a fake Bot Connector that enforces Teams' rate
 * limits: how long until every card is delivered, against the limits' theoretical minimum and
 * against a naive sender that sends one request after another and waits out each 429.
 *
 * Time is scaled to keep the run short: every Teams window is halved (per conversation 7/0.5 s,
 * 8/1 s, 60/15 s; per app 50/0.5 s) and the connector answers after 20 ms. Ratios carry over.
 */
import { randomUUID } from 'node:crypto';
import { createBotEndpoint } from '../bot/index';
import { ConnectorSender } from '../bot/adapter/connector-sender';
import { createCloudAdapter } from '../bot/adapter/cloud-adapter';
import { SendError, type OutboundMessage } from '../bot/outbox/message';
import { teamsAppWindows, teamsConversationWindows, type Window } from '../bot/outbox/rate-limiter';
import { startFakeConnector, type FakeConnector } from '../bot/testing/fake-connector';
import { MEETING_CHAT, meetingEndActivity, seed, teamsIdOf, TENANT, userN } from '../bot/testing/fixtures';
import { lists, type Entities } from '../src/lists/lists';
import { createMemoryStore } from '../src/store/memory-store';
import { startedMirror } from '../src/store/test-kit';
import { benchLine } from './measure';

const PARTICIPANTS = 300;
const SCALE = 0.5;
const LATENCY_MS = 20;
const scaled = (windows: readonly Window[]): Window[] => windows.map((w) => ({ limit: w.limit, ms: w.ms * SCALE }));
const conversationWindows = scaled(teamsConversationWindows);
const appWindows = scaled(teamsAppWindows);

const members = Array.from({ length: PARTICIPANTS }, (_, i) => ({ id: teamsIdOf(userN(i + 1)), aadObjectId: userN(i + 1), name: `Deltagare ${i + 1}` }));

function check(connector: FakeConnector): { lost: number; duplicates: number } {
  const perConversation = new Map<string, number>();
  for (const a of connector.activities) perConversation.set(a.conversationId, (perConversation.get(a.conversationId) ?? 0) + 1);
  const expected = [MEETING_CHAT, ...members.map((m) => connector.created.get(m.id) ?? `missing:${m.id}`)];
  const lost = expected.filter((c) => !perConversation.has(c)).length;
  const duplicates = [...perConversation.values()].reduce((sum, n) => sum + n - 1, 0) + connector.stats.duplicatesSuppressed;
  return { lost, duplicates };
}

async function withOutbox(): Promise<{ ms: number; throttled: number; lost: number; duplicates: number }> {
  const connector = await startFakeConnector({ conversationWindows, appWindows, latencyMs: LATENCY_MS });
  connector.setMembers(MEETING_CHAT, members);
  const memory = createMemoryStore<Entities>(lists);
  await seed(memory);
  const { store, readModel } = await startedMirror(memory, memory);
  const bot = createBotEndpoint({ store, readModel, mode: 'local', connectorBaseUrl: connector.url, rateLimits: { conversation: conversationWindows, app: appWindows } });
  try {
    const start = performance.now();
    const res = { status: () => res, json: () => undefined, end: () => undefined };
    await bot.handle({ method: 'POST', headers: {}, body: meetingEndActivity({ serviceUrl: connector.url, id: 'bench-end' }) }, res);
    const deadline = Date.now() + 50_000;
    while (connector.activities.length < PARTICIPANTS + 1 && Date.now() < deadline) {
      await bot.outbox.drainAll();
      if (connector.activities.length < PARTICIPANTS + 1) await new Promise((r) => setTimeout(r, 20));
    }
    const ms = performance.now() - start;
    return { ms, throttled: connector.stats.throttled, ...check(connector) };
  } finally {
    await bot.close();
    await connector.close();
  }
}

/** One request after another; a 429 is waited out (Retry-After) and retried. No queue, no limiter. */
async function naive(): Promise<{ ms: number; throttled: number; lost: number; duplicates: number }> {
  const connector = await startFakeConnector({ conversationWindows, appWindows, latencyMs: LATENCY_MS });
  const sender = new ConnectorSender({ adapter: createCloudAdapter({ mode: 'local' }), serviceUrl: connector.url });
  const messages: OutboundMessage[] = [
    { key: 'summary', target: { kind: 'conversation', reference: { channelId: 'msteams', serviceUrl: connector.url, conversation: { id: MEETING_CHAT } } }, activity: { type: 'message', text: 'Sammanfattning' } },
    ...members.map((m): OutboundMessage => ({
      key: `followup:${m.aadObjectId}`,
      target: { kind: 'user', userId: m.id, aadObjectId: m.aadObjectId, tenantId: TENANT, serviceUrl: connector.url, channelId: 'msteams' },
      activity: { type: 'message', text: 'Uppföljning' },
    })),
  ];
  const start = performance.now();
  try {
    for (const message of messages) {
      for (let attempt = 0; attempt < 50; attempt++) {
        try {
          await sender.send(message, randomUUID(), { gate: async () => {}, posting: async () => {} });
          break;
        } catch (error) {
          if (!(error instanceof SendError) || error.status !== 429) throw error;
          await new Promise((r) => setTimeout(r, error.retryAfterMs ?? 1_000));
        }
      }
    }
    return { ms: performance.now() - start, throttled: connector.stats.throttled, ...check(connector) };
  } finally {
    await connector.close();
  }
}

export async function run(): Promise<string[]> {
  const ours = await withOutbox();
  const baseline = await naive();
  const requests = 2 * PARTICIPANTS + 1; // create + send per participant, and the summary
  const appLimit = appWindows[0] ?? { limit: 50, ms: 500 };
  const minimumMs = ((requests - appLimit.limit) / appLimit.limit) * appLimit.ms + LATENCY_MS;
  const name = `bot fan-out, ${PARTICIPANTS} participants (Teams limits at ${SCALE}x time)`;
  return [
    benchLine(`${name}: every card delivered`, ours.ms / 1_000, 's', minimumMs / ours.ms, `the rate limit's theoretical minimum of ${(minimumMs / 1_000).toFixed(2)} s`),
    benchLine(`${name}: every card delivered`, ours.ms / 1_000, 's', baseline.ms / ours.ms, `a naive sequential sender, ${(baseline.ms / 1_000).toFixed(2)} s`),
    `bench: ${name}: lost cards: ${ours.lost} (naive: ${baseline.lost})`,
    `bench: ${name}: duplicate cards: ${ours.duplicates} (naive: ${baseline.duplicates})`,
    `bench: ${name}: 429 answers: ${ours.throttled} (naive: ${baseline.throttled})`,
  ];
}
