/**
 * The bot endpoint for POST /api/messages, its outbox and its scheduler. The server mounts
 * `handle`; botbuilder stays inside bot/adapter.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { createCloudAdapter } from './adapter/cloud-adapter';
import { ConnectorSender } from './adapter/connector-sender';
import { KvalitetshjuletBot } from './adapter/teams-bot';
import type { BotStore, BotViews } from './data/entities';
import { BotFlows } from './flows/bot-flows';
import type { CardServices, FlowContext } from './flows/context';
import { Conversations } from './flows/conversations';
import { notifyOwnerInMeeting } from './flows/owner-notification';
import { runScheduledScan, type ReminderOptions } from './flows/reminders';
import { dedupeKeyOf, IncomingActivitySchema, type IncomingActivity } from './http/incoming-activity';
import { RecentActivities, type HandledResponse } from './http/recent-activities';
import { systemClock, type Clock } from './outbox/clock';
import type { OutboundMessage, Sender } from './outbox/message';
import { Outbox, type DrainResult } from './outbox/outbox';
import { RateLimiter, type Window } from './outbox/rate-limiter';
import { Scheduler } from './scheduler/scheduler';
import type { OwnerGivenInMeeting } from '../src/services';

export interface BotEndpointOptions {
  store: BotStore;
  /** the API's services: a card action asks them exactly what the API route for the same change asks */
  services: CardServices;
  /** what the reminder scans and Mina åtgärder read */
  readModel: BotViews;
  mode: 'local' | 'm365';
  botId?: string;
  botTenantId?: string;
  botType?: string;
  botPassword?: string;
  /**
   * Sends every outgoing call here instead of the activity's serviceUrl, in the turn and from the
   * outbox (tests' fake connector, or a Playground on another port than the activity names).
   */
  connectorBaseUrl?: string;
  /** Microsoft 365 mode: the OpenID metadata naming the Bot Framework's signing keys (tests: loopback) */
  openIdMetadataUrl?: string;
  log?: (message: string) => void;
  clock?: Clock;
  /** names this instance in job leases */
  instanceId?: string;
  /** how long a claimed outbound job stays with this instance */
  leaseMs?: number;
  reminders?: ReminderOptions;
  schedulerIntervalMs?: number;
  /** Teams' limits unless given (the benchmark scales them) */
  rateLimits?: { conversation?: readonly Window[]; app?: readonly Window[] };
  /** replaces the connector sender (tests) */
  sender?: Sender;
  /** the tab's public address (its origin), where an in-meeting notification opens the side panel */
  tabUrl?: string;
}

/** Minimal express-compatible request and response, so tests and other hosts can call `handle`. */
export interface BotRequest {
  method?: string;
  body?: unknown;
  headers: IncomingHttpHeaders;
}
export interface BotResponse {
  status(code: number): BotResponse;
  json(body: unknown): unknown;
  end(): unknown;
  readonly headersSent?: boolean;
}

export interface BotEndpoint {
  handle(req: BotRequest, res: BotResponse): Promise<void>;
  scheduler: { start(): void; stop(): Promise<void>; tick(): Promise<void> };
  outbox: {
    readonly instanceId: string;
    enqueue(message: OutboundMessage, dueAt?: number): Promise<void>;
    drain(): Promise<DrainResult>;
    drainAll(maxPasses?: number): Promise<DrainResult>;
  };
  /** the action service's listener: the owner's targeted in-meeting notification; never throws */
  notifyOwnerInMeeting(event: OwnerGivenInMeeting): Promise<void>;
  close(): Promise<void>;
}

interface CapturedResponse {
  status(code: number): CapturedResponse;
  header(): CapturedResponse;
  send(body: unknown): CapturedResponse;
  end(): CapturedResponse;
}

export function createBotEndpoint(options: BotEndpointOptions): BotEndpoint {
  const log = options.log ?? (() => {});
  const clock = options.clock ?? systemClock;
  const adapter = createCloudAdapter({ ...options, log });
  const conversations = new Conversations({ store: options.store, now: () => clock.now() });
  const sender = options.sender ?? new ConnectorSender({ adapter, ...(options.botId ? { botId: options.botId } : {}), ...(options.connectorBaseUrl ? { serviceUrl: options.connectorBaseUrl } : {}) });
  const limiter = new RateLimiter({ clock, ...(options.rateLimits?.conversation ? { conversationWindows: options.rateLimits.conversation } : {}), ...(options.rateLimits?.app ? { appWindows: options.rateLimits.app } : {}) });
  const outbox = new Outbox({
    store: options.store, sender, limiter, clock, log,
    ...(options.instanceId ? { instanceId: options.instanceId } : {}),
    ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
    onDelivered: async (_message, delivery) => {
      if (delivery.createdReference) await conversations.remember(delivery.createdReference, delivery.createdReference.user?.aadObjectId);
    },
  });
  const ctx: FlowContext = {
    store: options.store,
    services: options.services,
    readModel: options.readModel,
    conversations,
    clock,
    log,
    ...(options.tabUrl !== undefined ? { tabUrl: options.tabUrl } : {}),
    outbox: {
      enqueue: async (message, dueAt) => {
        await outbox.enqueue(message, dueAt);
        scheduler.wake();
      },
      enqueueAll: async (messages) => {
        await outbox.enqueueAll(messages);
        scheduler.wake();
      },
    },
  };
  const scheduler = new Scheduler({
    outbox,
    scan: () => runScheduledScan(ctx, outbox.instanceId, options.reminders),
    ...(options.schedulerIntervalMs ? { intervalMs: options.schedulerIntervalMs } : {}),
    ...(options.reminders?.scanEveryMs ? { scanEveryMs: options.reminders.scanEveryMs } : {}),
    log,
  });
  // the replies and roster reads of a turn count against the same budget as the outbox's sends
  const bot = new KvalitetshjuletBot(new BotFlows(ctx), { log, gate: (conversationKey) => limiter.acquire(conversationKey) });
  const recent = new RecentActivities();

  async function process(headers: IncomingHttpHeaders, activity: IncomingActivity): Promise<HandledResponse> {
    const captured: HandledResponse = { status: 200 };
    const res: CapturedResponse = {
      status(code) { captured.status = code; return res; },
      header() { return res; },
      send(body) { captured.body = body; return res; },
      end() { return res; },
    };
    const body = options.connectorBaseUrl ? { ...activity, serviceUrl: options.connectorBaseUrl } : activity;
    await adapter.process({ body, headers, method: 'POST' } as never, res as never, (context) => bot.run(context));
    return captured;
  }

  return {
    async handle(req, res) {
      try {
        if (req.method && req.method !== 'POST') {
          res.status(405).end();
          return;
        }
        // without a token there is nothing to validate: answer before botbuilder logs an error
        if (options.mode === 'm365' && !req.headers.authorization) {
          res.status(401).end();
          return;
        }
        const parsed = IncomingActivitySchema.safeParse(req.body);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          res.status(400).json({ type: 'about:blank', title: 'Invalid activity', status: 400, detail: issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid' });
          return;
        }
        const key = dedupeKeyOf(parsed.data);
        const run = (): Promise<HandledResponse> => process(req.headers, parsed.data);
        const { duplicate, response } = key ? recent.run(key, run) : { duplicate: false, response: run() };
        if (duplicate) log(`bot: activity ${key} was delivered again; answered without handling it twice`);
        const result = await response;
        res.status(result.status);
        if (result.body !== undefined) res.json(result.body);
        else res.end();
      } catch (error) {
        log(`bot: request failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        if (!res.headersSent) res.status(500).end();
      }
    },
    scheduler: { start: () => scheduler.start(), stop: async () => scheduler.stop(), tick: async () => scheduler.tick() },
    outbox: {
      instanceId: outbox.instanceId,
      enqueue: (m, dueAt) => ctx.outbox.enqueue(m, dueAt),
      drain: () => outbox.drain(),
      drainAll: (maxPasses) => outbox.drainAll(maxPasses),
    },
    async notifyOwnerInMeeting(event) {
      try {
        await notifyOwnerInMeeting(ctx, event);
      } catch (error) {
        log(`bot: the in-meeting notification for action ${event.action.id} was not queued: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    async close() {
      await scheduler.stop();
    },
  };
}

export type { OutboundMessage } from './outbox/message';
export type { DrainResult } from './outbox/outbox';
