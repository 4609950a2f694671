/**
 * A fake Bot Connector (the Teams side of the bot's REST calls) on loopback, for tests and the
 * benchmark. It records what the bot sends, answers like Teams for the calls the bot makes, can
 * enforce Teams' rate limits with 429 + Retry-After, and can inject failures.
 *
 * Unlike Teams, it deduplicates activities by a client-supplied delivery id (channelData
 * .kvalitetshjuletDeliveryId) unless told not to: that lets the crash test show "delivered once"
 * for a connector that offers idempotent posts, and count the re-sends it absorbed.
 *
 * Every route is also served under `/via/<name>/`: a bot instance given that as its connector
 * URL has its activities recorded with `via: <name>`, so a test of several instances knows
 * whose posts are still waiting for their answer.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Window } from '../outbox/rate-limiter';

export interface FakeMember {
  id: string;
  aadObjectId?: string;
  name?: string;
  userPrincipalName?: string;
}

export interface RecordedActivity {
  conversationId: string;
  /** the id the connector assigned */
  id: string;
  /** the id the bot supplied, if any */
  clientId?: string;
  replyToId?: string;
  /** the `/via/<name>/` the bot instance posted through */
  via?: string;
  activity: Record<string, unknown>;
  at: number;
}

/** A targeted in-meeting notification Teams took (POST /v1/meetings/{meetingId}/notification). */
export interface RecordedNotification {
  meetingId: string;
  recipients: string[];
  surfaces: z.infer<typeof NotificationBodySchema>['value']['surfaces'];
  at: number;
}

/**
 * The request as Teams documents it ("Targeted in-meeting notification"): type
 * targetedMeetingNotification, Teams user ids as recipients, one surface of each kind, a dialog
 * (contentType task) with its size, title and an https URL (http on loopback, for local mode).
 */
const dimension = z.union([z.number().int().positive(), z.enum(['small', 'medium', 'large'])]);
const NotificationBodySchema = z.object({
  type: z.literal('targetedMeetingNotification'),
  value: z.strictObject({
    recipients: z.array(z.string().regex(/^29:./, 'a recipient is a Teams user id (29:...)')).min(1),
    surfaces: z.array(z.strictObject({
      surface: z.enum(['meetingStage', 'meetingTabIcon']),
      contentType: z.literal('task'),
      content: z.strictObject({
        value: z.strictObject({
          height: dimension, width: dimension, title: z.string().min(1),
          url: z.url().refine((u) => u.startsWith('https://') || /^http:\/\/(localhost|127\.0\.0\.1)[:/]/.test(u), 'the dialog url must be https'),
        }),
      }),
    })).min(1).refine((list) => new Set(list.map((s) => s.surface)).size === list.length, 'one surface of each kind per request'),
  }),
  channelData: z.unknown().optional(),
});

export interface FakeConnectorOptions {
  /** enforce these windows per conversation (429 with Retry-After when exceeded) */
  conversationWindows?: readonly Window[];
  appWindows?: readonly Window[];
  /** delay before each answer */
  latencyMs?: number;
  /** delay between accepting a post (it is recorded) and answering it: a crash in between loses the answer */
  answerDelayMs?: number;
  /** dedupe posts by the activity id the bot sent (Teams does not) */
  dedupeByClientId?: boolean;
}

export interface FakeConnector {
  readonly url: string;
  /** every activity accepted, in order (after dedupe) */
  readonly activities: RecordedActivity[];
  /** 1:1 conversations created, by user id */
  readonly created: Map<string, string>;
  /** every targeted meeting notification accepted, in order */
  readonly notifications: RecordedNotification[];
  /** every notification request refused for its shape, with why */
  readonly refusedNotifications: { meetingId: string; body: unknown; reason: string }[];
  readonly stats: { requests: number; throttled: number; injected: number; duplicatesSuppressed: number };
  /** every request the rate limits counted (not refused), when it arrived and for which conversation */
  readonly arrivals: { at: number; conversationKey: string }[];
  setMembers(conversationId: string, members: FakeMember[]): void;
  /** the next `count` requests matching `path` (substring) fail with `status` */
  failNext(count: number, status: number, options?: { retryAfterSeconds?: number; path?: string }): void;
  activitiesIn(conversationId: string): RecordedActivity[];
  /** posts accepted and not yet answered, through `/via/<name>/` */
  unanswered(via: string): number;
  close(): Promise<void>;
}

class Windows {
  private readonly logs = new Map<string, number[]>();
  constructor(private readonly windows: readonly Window[]) {}
  /** ms until a request to `key` would be allowed; 0 = allowed (and counted) */
  take(key: string, now: number): number {
    const log = this.logs.get(key) ?? [];
    this.logs.set(key, log);
    let wait = 0;
    for (const w of this.windows) {
      const inWindow = log.filter((t) => t > now - w.ms);
      if (inWindow.length >= w.limit) wait = Math.max(wait, (inWindow[inWindow.length - w.limit] ?? now) + w.ms - now);
    }
    if (wait > 0) return wait;
    log.push(now);
    const longest = Math.max(...this.windows.map((w) => w.ms));
    while (log.length && (log[0] ?? now) <= now - longest) log.shift();
    return 0;
  }
}

export async function startFakeConnector(options: FakeConnectorOptions = {}): Promise<FakeConnector> {
  const app = express();
  app.use(express.json({ limit: '1mb' }));
  const activities: RecordedActivity[] = [];
  const byClientId = new Map<string, RecordedActivity>();
  const created = new Map<string, string>();
  const notifications: RecordedNotification[] = [];
  const refusedNotifications: { meetingId: string; body: unknown; reason: string }[] = [];
  const members = new Map<string, FakeMember[]>();
  const stats = { requests: 0, throttled: 0, injected: 0, duplicatesSuppressed: 0 };
  const arrivals: { at: number; conversationKey: string }[] = [];
  const failures: { count: number; status: number; retryAfterSeconds?: number; path?: string }[] = [];
  const perConversation = options.conversationWindows ? new Windows(options.conversationWindows) : undefined;
  const perApp = options.appWindows ? new Windows(options.appWindows) : undefined;
  const dedupe = options.dedupeByClientId ?? true;
  const waiting = new Map<string, number>();
  const router = Router({ mergeParams: true });

  const delay = (): Promise<void> => new Promise((r) => setTimeout(r, options.latencyMs ?? 0));

  /** Injected failures and rate limits; true when the request was answered here. */
  function gate(req: Request, res: Response, conversationKey: string): boolean {
    stats.requests++;
    const failure = failures.find((f) => f.count > 0 && (!f.path || req.path.includes(f.path)));
    if (failure) {
      failure.count--;
      stats.injected++;
      if (failure.retryAfterSeconds !== undefined) res.set('Retry-After', String(failure.retryAfterSeconds));
      res.status(failure.status).json({ error: { code: failure.status === 429 ? 'TooManyRequests' : 'ServiceError', message: 'injected' } });
      return true;
    }
    const now = Date.now();
    const waitApp = perApp?.take('app', now) ?? 0;
    const waitConv = waitApp ? 0 : perConversation?.take(conversationKey, now) ?? 0;
    const wait = Math.max(waitApp, waitConv);
    if (wait === 0) arrivals.push({ at: now, conversationKey });
    if (wait > 0) {
      stats.throttled++;
      res.set('Retry-After', String(Math.max(1, Math.ceil(wait / 1_000))));
      res.status(429).json({ error: { code: 'TooManyRequests', message: 'Too many requests' } });
      return true;
    }
    return false;
  }

  const param = (req: Request, name: string): string => String((req.params as Record<string, string>)[name] ?? '');

  async function post(req: Request, res: Response, replyToId?: string): Promise<void> {
    const conversationId = param(req, 'conversationId');
    const body = (req.body ?? {}) as Record<string, unknown>;
    const delivery = (body.channelData as Record<string, unknown> | undefined)?.kvalitetshjuletDeliveryId;
    const clientId = typeof delivery === 'string' && delivery ? delivery : undefined;
    if (dedupe && clientId) {
      const seen = byClientId.get(`${conversationId}|${clientId}`);
      if (seen) {
        stats.duplicatesSuppressed++;
        res.status(200).json({ id: seen.id });
        return;
      }
    }
    const via = param(req, 'via') || undefined;
    const record: RecordedActivity = { conversationId, id: `1:${randomUUID()}`, activity: body, at: Date.now(), ...(clientId ? { clientId } : {}), ...(replyToId ? { replyToId } : {}), ...(via ? { via } : {}) };
    activities.push(record);
    if (clientId) byClientId.set(`${conversationId}|${clientId}`, record);
    if (options.answerDelayMs) {
      const key = via ?? '';
      waiting.set(key, (waiting.get(key) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, options.answerDelayMs));
      waiting.set(key, (waiting.get(key) ?? 1) - 1);
    }
    res.status(201).json({ id: record.id });
  }

  router.post('/v3/conversations/:conversationId/activities', async (req, res) => {
    await delay();
    if (gate(req, res, param(req, 'conversationId'))) return;
    await post(req, res);
  });

  router.post('/v3/conversations/:conversationId/activities/:activityId', async (req, res) => {
    await delay();
    if (gate(req, res, param(req, 'conversationId'))) return;
    await post(req, res, param(req, 'activityId'));
  });

  router.put('/v3/conversations/:conversationId/activities/:activityId', async (req, res) => {
    await delay();
    if (gate(req, res, param(req, 'conversationId'))) return;
    res.status(200).json({ id: param(req, 'activityId') });
  });

  router.post('/v3/conversations', async (req, res) => {
    await delay();
    const body = (req.body ?? {}) as { members?: { id?: unknown }[]; isGroup?: unknown };
    const userId = body.members?.[0]?.id;
    if (typeof userId !== 'string' || body.members?.length !== 1) {
      res.status(400).json({ error: { code: 'BadArgument', message: 'exactly one member is required for a 1:1 conversation' } });
      return;
    }
    if (gate(req, res, `user:${userId}`)) return;
    // Teams answers with the existing 1:1 conversation when there is one
    const id = created.get(userId) ?? `a:1${Buffer.from(userId).toString('base64url')}`;
    created.set(userId, id);
    res.status(201).json({ id });
  });

  router.get('/v3/conversations/:conversationId/pagedmembers', async (req, res) => {
    await delay();
    if (gate(req, res, param(req, 'conversationId'))) return;
    const all = members.get(param(req, 'conversationId')) ?? [];
    const size = Math.min(500, Math.max(1, Number(req.query.pageSize ?? 200) || 200));
    const start = Number(req.query.continuationToken ?? 0) || 0;
    const page = all.slice(start, start + size);
    res.json({ members: page, ...(start + size < all.length ? { continuationToken: String(start + size) } : {}) });
  });

  router.get('/v3/conversations/:conversationId/members', async (req, res) => {
    await delay();
    if (gate(req, res, param(req, 'conversationId'))) return;
    res.json(members.get(param(req, 'conversationId')) ?? []);
  });

  router.get('/v1/meetings/:meetingId/participants/:participantId', async (req, res) => {
    await delay();
    if (gate(req, res, `meeting:${param(req, 'meetingId')}`)) return;
    const id = param(req, 'participantId');
    const member = [...members.values()].flat().find((m) => m.aadObjectId === id || m.id === id);
    if (!member) {
      res.status(404).json({ error: { code: 'NotFound', message: 'participant not found' } });
      return;
    }
    res.json({ user: { ...member, tenantId: req.query.tenantId }, meeting: { role: 'Attendee', inMeeting: true }, conversation: { id: `meeting:${param(req, 'meetingId')}`, isGroup: true, conversationType: 'groupChat' } });
  });

  router.post('/v1/meetings/:meetingId/notification', async (req, res) => {
    await delay();
    const meetingId = param(req, 'meetingId');
    if (gate(req, res, `meeting:${meetingId}`)) return;
    const parsed = NotificationBodySchema.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const reason = issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid';
      refusedNotifications.push({ meetingId, body: req.body, reason });
      res.status(400).json({ error: { code: 'BadSyntax', message: reason } });
      return;
    }
    notifications.push({ meetingId, recipients: parsed.data.value.recipients, surfaces: parsed.data.value.surfaces, at: Date.now() });
    // every recipient notified: 202 and no body (207 would list the recipients that failed)
    res.status(202).end();
  });

  app.use('/via/:via', router);
  app.use(router);

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    activities,
    created,
    notifications,
    refusedNotifications,
    stats,
    arrivals,
    setMembers: (conversationId, list) => void members.set(conversationId, list),
    failNext: (count, status, o = {}) => void failures.push({ count, status, ...o }),
    activitiesIn: (conversationId) => activities.filter((a) => a.conversationId === conversationId),
    unanswered: (via) => waiting.get(via) ?? 0,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
