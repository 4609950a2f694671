/**
 * Sliding-window rate limits, reserved ahead: each caller gets its own slot, so concurrent senders
 * never overshoot. Defaults are Teams' documented bot limits (per bot per conversation: 7/1 s,
 * 8/2 s, 60/30 s, 1800/3600 s; per app per tenant: 50 requests per second).
 * Limits hold within one process; several instances share Teams' budget and rely on 429 retries.
 */
import { systemClock, type Clock } from './clock';

export interface Window {
  readonly limit: number;
  readonly ms: number;
}

export const teamsConversationWindows: readonly Window[] = [
  { limit: 7, ms: 1_000 },
  { limit: 8, ms: 2_000 },
  { limit: 60, ms: 30_000 },
  { limit: 1_800, ms: 3_600_000 },
];

export const teamsAppWindows: readonly Window[] = [{ limit: 50, ms: 1_000 }];

export interface RateLimiterOptions {
  conversationWindows?: readonly Window[];
  appWindows?: readonly Window[];
  /** added to every window: requests arrive with jitter, and the server counts arrivals */
  safetyMs?: number;
  clock?: Clock;
}

export class RateLimiter {
  private readonly logs = new Map<string, number[]>();
  private readonly blockedUntil = new Map<string, number>();
  private readonly conversationWindows: readonly Window[];
  private readonly appWindows: readonly Window[];
  private readonly safetyMs: number;
  private readonly clock: Clock;

  constructor(options: RateLimiterOptions = {}) {
    this.conversationWindows = options.conversationWindows ?? teamsConversationWindows;
    this.appWindows = options.appWindows ?? teamsAppWindows;
    this.safetyMs = options.safetyMs ?? 25;
    this.clock = options.clock ?? systemClock;
  }

  /** Waits for slots for `count` requests to `conversationKey` (they go out back to back). */
  async acquire(conversationKey: string, count = 1): Promise<void> {
    let at = 0;
    for (let i = 0; i < count; i++) at = this.reserve(conversationKey);
    const wait = at - this.clock.now();
    if (wait > 0) await this.clock.sleep(wait);
  }

  /** After a 429: nothing more goes to this conversation (or '*' for the app) before `until`. */
  block(conversationKey: string, until: number): void {
    this.blockedUntil.set(conversationKey, Math.max(until, this.blockedUntil.get(conversationKey) ?? 0));
  }

  /** How long a conversation stays blocked; the caller defers its work rather than wait in line. */
  blockedFor(conversationKey: string): number {
    return Math.max(0, (this.blockedUntil.get(conversationKey) ?? 0) - this.clock.now());
  }

  /** Reserves the earliest time at which a request may go; exposed for tests. */
  reserve(conversationKey: string): number {
    const conv = this.log(`c:${conversationKey}`);
    const app = this.log('app');
    let t = Math.max(
      this.clock.now(),
      conv.at(-1) ?? 0,
      app.at(-1) ?? 0,
      this.blockedUntil.get('*') ?? 0,
    );
    for (let round = 0; round < 50; round++) {
      const next = Math.max(earliest(conv, this.conversationWindows, t, this.safetyMs), earliest(app, this.appWindows, t, this.safetyMs));
      if (next === t) break;
      t = next;
    }
    conv.push(t);
    app.push(t);
    this.trim(conv, this.conversationWindows, t);
    this.trim(app, this.appWindows, t);
    return t;
  }

  private log(key: string): number[] {
    let log = this.logs.get(key);
    if (!log) this.logs.set(key, (log = []));
    return log;
  }

  private trim(log: number[], windows: readonly Window[], t: number): void {
    const longest = Math.max(...windows.map((w) => w.ms)) + this.safetyMs;
    const maxLimit = Math.max(...windows.map((w) => w.limit));
    while (log.length > maxLimit && (log[0] ?? t) < t - longest) log.shift();
  }
}

/**
 * The earliest time ≥ t at which one more entry fits every window (entries are ascending, all ≤ t).
 * Requests are also paced evenly over the shortest window instead of sent in a burst: the server
 * counts arrivals, and a burst that arrives spread out would overlap the next burst.
 */
function earliest(log: readonly number[], windows: readonly Window[], t: number, safetyMs: number): number {
  const shortest = windows.reduce<Window | undefined>((a, w) => (!a || w.ms < a.ms ? w : a), undefined);
  const last = log.at(-1);
  let at = shortest && last !== undefined ? Math.max(t, last + shortest.ms / shortest.limit) : t;
  for (const w of windows) {
    if (log.length < w.limit) continue;
    const nth = log[log.length - w.limit] ?? 0;
    at = Math.max(at, nth + w.ms + safetyMs);
  }
  return at;
}
