/**
 * Meeting end with 300 participants against a fake Bot Connector that enforces Teams' rate
 * limits: how long until every card is delivered, against the limits' theoretical minimum and
 * against a naive sender that sends one request after another and waits out each 429.
 *
 * The theoretical minimum: the fan-out is 602 requests (the roster page, the summary, and for each
 * participant a new 1:1 conversation and the card in it); no conversation gets more than two, so
 * the app's window binds: the n-th request can go no earlier than floor((n - 1) / limit) windows
 * after the first, and its answer comes one connector latency later.
 *
 * Time is scaled to keep the run short: every Teams window is halved (per conversation 7/0.5 s,
 * 8/1 s, 60/15 s; per app 50/0.5 s) and the connector answers after 20 ms. Ratios carry over.
 * The bot's own scheduler drains the outbox, as on the server. A second run puts the store's
 * writes 25 ms away (Graph's, at the same scale), as in Microsoft 365 mode.
 */
import { randomUUID } from 'node:crypto';
import { createBotEndpoint } from '../bot/index';
import { ConnectorSender } from '../bot/adapter/connector-sender';
import { createCloudAdapter } from '../bot/adapter/cloud-adapter';
import { SendError, type OutboundMessage } from '../bot/outbox/message';
import { teamsAppWindows, teamsConversationWindows, type Window } from '../bot/outbox/rate-limiter';
import { startFakeConnector, type FakeConnector } from '../bot/testing/fake-connector';
import { MEETING_CHAT, meetingEndActivity, seed, servicesFor, teamsIdOf, TENANT, userN } from '../bot/testing/fixtures';
import { lists, type Entities } from '../src/lists/lists';
import { createMemoryStore } from '../src/store/memory-store';
import { batchLimit } from '../src/store/port';
import { startedMirror } from '../src/store/test-kit';
import { benchLine } from './measure';

const PARTICIPANTS = 300;
const SCALE = 0.5;
const LATENCY_MS = 20;
/** Graph's write latency in Microsoft 365 mode, scaled like the windows */
const STORE_WRITE_MS = 25;
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

/**
 * The store with every write answered `ms` later, as Graph answers a write some tens of
 * milliseconds away; `createMany` goes in `$batch`es of 20, four at a time, as the Graph store sends them.
 */
function distant<S extends object>(store: S, ms: number): S {
  const writes = new Set(['create', 'createMany', 'update', 'delete']);
  return new Proxy(store, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function' || !writes.has(String(name))) return value;
      return async (...args: unknown[]) => {
        const rounds = name === 'createMany' && Array.isArray(args[1]) ? Math.ceil(args[1].length / (batchLimit * 4)) : 1;
        await new Promise((r) => setTimeout(r, ms * rounds));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

async function withOutbox(storeWriteMs = 0): Promise<{ ms: number; throttled: number; lost: number; duplicates: number }> {
  const connector = await startFakeConnector({ conversationWindows, appWindows, latencyMs: LATENCY_MS });
  connector.setMembers(MEETING_CHAT, members);
  const memory = createMemoryStore<Entities>(lists);
  await seed(memory);
  const started = await startedMirror(memory, memory);
  const store = storeWriteMs ? distant(started.store, storeWriteMs) : started.store;
  const readModel = started.readModel;
  const bot = createBotEndpoint({ store, readModel, services: servicesFor(store, readModel), mode: 'local', connectorBaseUrl: connector.url, rateLimits: { conversation: conversationWindows, app: appWindows } });
  try {
    // the bot's own scheduler drains the outbox, woken by each card queued, as on the server
    bot.scheduler.start();
    // as on a server that has been running: its first tick (the reminder scan) is over when a meeting ends
    await new Promise((r) => setTimeout(r, 1_000));
    const start = performance.now();
    const res = { status: () => res, json: () => undefined, end: () => undefined };
    await bot.handle({ method: 'POST', headers: {}, body: meetingEndActivity({ serviceUrl: connector.url, id: 'bench-end' }) }, res);
    const deadline = Date.now() + 50_000;
    while (connector.activities.length < PARTICIPANTS + 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
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
          await sender.send(message, randomUUID(), { gate: async () => {} });
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

/** The earliest the last of `requests` can be answered under every app window (sliding, as the connector counts). */
export function theoreticalMinimumMs(requests: number, windows: readonly Window[], latencyMs: number): number {
  return Math.max(0, ...windows.map((w) => Math.floor((requests - 1) / w.limit) * w.ms)) + latencyMs;
}

export async function run(): Promise<string[]> {
  const ours = await withOutbox();
  const away = await withOutbox(STORE_WRITE_MS);
  const baseline = await naive();
  // the roster page, the summary, and a create and a send per participant
  const requests = 1 + 1 + 2 * PARTICIPANTS;
  const minimumMs = theoreticalMinimumMs(requests, appWindows, LATENCY_MS);
  const name = `bot fan-out ${PARTICIPANTS}`;
  const scale = `(Teams limits at ${SCALE}x time)`;
  return [
    // two decimals: the target is within 1.1x of the minimum
    `bench: ${name}: ${(ours.ms / 1_000).toFixed(2)} s (${(ours.ms / minimumMs).toFixed(2)}x vs theoretical minimum)`,
    `bench: ${name}: with the store's writes answered after ${STORE_WRITE_MS} ms: ${(away.ms / 1_000).toFixed(2)} s (${(away.ms / minimumMs).toFixed(2)}x vs theoretical minimum; lost ${away.lost}, duplicates ${away.duplicates}, 429 answers ${away.throttled})`,
    `bench: ${name}: theoretical minimum: ${(minimumMs / 1_000).toFixed(2)} s for ${requests} requests ${scale}`,
    benchLine(`${name}: every card delivered`, ours.ms / 1_000, 's', baseline.ms / ours.ms, `a naive sequential sender, ${(baseline.ms / 1_000).toFixed(2)} s`),
    `bench: ${name}: lost cards: ${ours.lost} (naive: ${baseline.lost})`,
    `bench: ${name}: duplicate cards: ${ours.duplicates} (naive: ${baseline.duplicates})`,
    `bench: ${name}: 429 answers: ${ours.throttled} (naive: ${baseline.throttled})`,
  ];
}
