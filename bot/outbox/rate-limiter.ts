/**
 * Rate limits, reserved ahead: each caller gets its own slot, so concurrent senders never
 * overshoot. Defaults are Teams' documented bot limits (per bot per conversation: 7/1 s, 8/2 s,
 * 60/30 s, 1800/3600 s; per app per tenant: 50 requests per second).
 *
 * Per conversation, slots are first come first served (order within a chat is kept) and checked
 * against every window. For the app, requests are paced evenly over its shortest window (one per
 * ms/limit) in the earliest free gap, so a conversation that must wait never holds up the others;
 * even pacing also keeps the limit when the server counts arrivals that come in with jitter.
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
  /** added to every full window: requests arrive with jitter, and the server counts arrivals */
  safetyMs?: number;
  /**
   * Pacing stays this fraction below the limit (default 0.1): a request may go out a little after
   * its slot (a send that follows a create waits for the create's answer), and a few late ones
   * must not add up to more than the server allows in a window.
   */
  headroom?: number;
  clock?: Clock;
}

export class RateLimiter {
  private readonly conversations = new Map<string, number[]>();
  /** reserved app slots, ascending */
  private app: number[] = [];
  private readonly blockedUntil = new Map<string, number>();
  private readonly conversationWindows: readonly Window[];
  private readonly appWindows: readonly Window[];
  private readonly appGap: number;
  private readonly safetyMs: number;
  private readonly clock: Clock;

  constructor(options: RateLimiterOptions = {}) {
    this.conversationWindows = options.conversationWindows ?? teamsConversationWindows;
    this.appWindows = options.appWindows ?? teamsAppWindows;
    this.appGap = Math.max(0, ...this.appWindows.map((w) => (w.ms / w.limit) * (1 + (options.headroom ?? 0.1))));
    this.safetyMs = options.safetyMs ?? 25;
    this.clock = options.clock ?? systemClock;
  }

  /** Waits for a slot for one request to `conversationKey`. */
  async acquire(conversationKey: string): Promise<void> {
    await this.waitUntil(this.reserve(conversationKey));
  }

  /**
   * Reserves `extra` more app slots right after a first one to `conversationKey`, for requests
   * that must follow it (a 1:1 chat is created, then written to). Returns the slots' times.
   */
  reserveSequence(conversationKey: string, extra: number): number[] {
    const times = [this.reserve(conversationKey)];
    for (let i = 0; i < extra; i++) times.push(this.reserveApp((times.at(-1) ?? 0) + 1));
    return times;
  }

  async waitUntil(at: number): Promise<void> {
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

  /** Reserves the earliest time at which one request to the conversation may go. */
  reserve(conversationKey: string): number {
    const log = this.conversations.get(conversationKey) ?? [];
    this.conversations.set(conversationKey, log);
    const from = Math.max(this.clock.now(), log.at(-1) ?? 0, this.blockedUntil.get('*') ?? 0);
    // later is never worse for a conversation's windows, so the app slot can be found after it
    const t = this.reserveApp(fitConversation(log, this.conversationWindows, from, this.safetyMs));
    log.push(t);
    const longest = Math.max(...this.conversationWindows.map((w) => w.ms)) + this.safetyMs;
    const maxLimit = Math.max(...this.conversationWindows.map((w) => w.limit));
    while (log.length > maxLimit && (log[0] ?? t) < t - longest) log.shift();
    return t;
  }

  /** The earliest app slot ≥ from that is at least one gap away from every other slot. */
  private reserveApp(from: number): number {
    const now = this.clock.now();
    this.app = this.app.filter((s) => s > now - this.appGap);
    let t = from;
    let index = 0;
    for (; index < this.app.length; index++) {
      const slot = this.app[index] ?? 0;
      if (slot + this.appGap <= t) continue;
      if (slot - this.appGap >= t) break;
      t = slot + this.appGap;
    }
    this.app.splice(index, 0, t);
    return t;
  }
}

/** The earliest time ≥ t at which one more request fits the conversation's windows (entries ascending, all ≤ t). */
function fitConversation(log: readonly number[], windows: readonly Window[], t: number, safetyMs: number): number {
  const shortest = windows.reduce<Window | undefined>((a, w) => (!a || w.ms < a.ms ? w : a), undefined);
  const last = log.at(-1);
  // paced over the shortest window, like the app
  let at = shortest && last !== undefined ? Math.max(t, last + shortest.ms / shortest.limit) : t;
  for (const w of windows) {
    if (log.length < w.limit) continue;
    at = Math.max(at, (log[log.length - w.limit] ?? 0) + w.ms + safetyMs);
  }
  return at;
}
