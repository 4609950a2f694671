/**
 * Rate limits, reserved ahead: each caller gets its own slot, so concurrent senders never
 * overshoot. Defaults are Teams' documented bot limits (per bot per conversation: 7/1 s, 8/2 s,
 * 60/30 s, 1800/3600 s; per app per tenant: 50 requests per second).
 *
 * Per conversation, slots are first come first served and checked against every window. For the
 * app, requests are paced evenly, one per (window + safety) / limit, in the earliest free gap, so
 * a conversation that must wait never holds up the others. A slot is reserved when its request
 * is ready (a send that follows a create reserves its slot once the create has answered).
 *
 * A slot only plans. A busy process fires its timers late, and a request late for its slot would
 * leave together with the ones planned after it, while the server counts what arrives. So right
 * before it goes, a request departs: paced evenly again, and checked against every window of what
 * has really gone, each request counted until its answer is in (the server counted it somewhere
 * in between, however long the way there took). It waits while a window is full; usually it goes
 * at once. The price is a round trip per window, against a 429 that costs a second or more.
 * Limits hold within one process; several instances share Teams' budget and rely on 429 retries.
 */
import { systemClock, type Clock } from './clock';

/** the key of the app-wide departures */
const APP = '*';

/**
 * An answer is an upper bound of when the server counted the request; two milliseconds cover the
 * clock's resolution and a timer that fires within its millisecond.
 */
const ANSWER_MARGIN_MS = 2;

/** how long a request without an answer still counts (as long as the outbox's default lease) */
const UNANSWERED_MS = 120_000;

interface Departure {
  readonly at: number;
  answeredAt?: number;
}

/** Called once a request's answer is in (or it failed). */
export type Answered = () => void;

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
  private readonly conversations = new Map<string, number[]>();
  /** reserved app slots, ascending */
  private app: number[] = [];
  private readonly blockedUntil = new Map<string, number>();
  /** what has gone, per conversation and for the app as a whole */
  private readonly sent = new Map<string, Departure[]>();
  private readonly conversationWindows: readonly Window[];
  private readonly appWindows: readonly Window[];
  private readonly appGap: number;
  /** one app window's share per request, between departures */
  private readonly departureGap: number;
  private lastDeparture = -Infinity;
  private readonly safetyMs: number;
  private readonly clock: Clock;

  constructor(options: RateLimiterOptions = {}) {
    this.conversationWindows = options.conversationWindows ?? teamsConversationWindows;
    this.appWindows = options.appWindows ?? teamsAppWindows;
    this.safetyMs = options.safetyMs ?? 25;
    this.appGap = Math.max(0, ...this.appWindows.map((w) => (w.ms + this.safetyMs) / w.limit));
    this.departureGap = Math.max(0, ...this.appWindows.map((w) => w.ms / w.limit));
    this.clock = options.clock ?? systemClock;
  }

  /** Waits for a slot for one request to `conversationKey`, then lets it depart; call what it returns once the answer is in. */
  async acquire(conversationKey: string): Promise<Answered> {
    const slot = this.reserve(conversationKey);
    await this.waitUntil(slot);
    return this.depart(conversationKey, slot);
  }

  /**
   * Right before a request goes (its slot reached, not before `from`): waits while a window is full
   * of what has really gone, then counts the request. A request counts from when it went until its
   * answer is in, since the server counted it somewhere in between; the caller says when (the
   * function returned), and a request whose answer never comes stays counted until it leaves every window.
   */
  async depart(conversationKey: string, from = this.clock.now()): Promise<Answered> {
    // paced evenly, like the slots: requests let go in a burst would be answered late, and a
    // request counts until its answer is in
    let at = Math.max(from, this.clock.now(), this.lastDeparture + this.departureGap);
    this.lastDeparture = at;
    await this.waitUntil(at);
    at = Math.max(at, this.clock.now());
    // each round waits until an answer leaves a window, or a share of it for a request still out
    // to answer; bounded in time too, since a request unanswered for UNANSWERED_MS counts no more
    for (let round = 0; round < 100_000; round++) {
      const wait = Math.max(this.fullFor(APP, this.appWindows, at), this.fullFor(conversationKey, this.conversationWindows, at));
      if (wait <= 0) break;
      await this.clock.sleep(wait);
      at = Math.max(at + wait, this.clock.now());
    }
    const departure: Departure = { at };
    for (const key of [APP, conversationKey]) {
      const log = this.sent.get(key) ?? [];
      log.push(departure);
      this.sent.set(key, log);
    }
    return () => {
      departure.answeredAt ??= Math.max(at, this.clock.now());
    };
  }

  /** ms from `at` until one more request to `key` keeps every window (0: it may go). */
  private fullFor(key: string, windows: readonly Window[], at: number): number {
    const longest = Math.max(0, ...windows.map((w) => w.ms)) + ANSWER_MARGIN_MS;
    // a request still out counts however long it takes (an answer may come after a window's time);
    // one never answered is let go after the lease's time, so that a lost call leaks nothing
    const endOf = (d: Departure): number => d.answeredAt ?? d.at + UNANSWERED_MS;
    // pruned by the clock, not by `at`: another request may be checking an earlier moment
    const log = (this.sent.get(key) ?? []).filter((d) => endOf(d) > this.clock.now() - longest);
    if (log.length) this.sent.set(key, log);
    else this.sent.delete(key);
    let wait = 0;
    for (const w of windows) {
      const span = w.ms + ANSWER_MARGIN_MS;
      // what the server may still count in a window that ends with this request's arrival
      const counted = log.filter((d) => endOf(d) > at - span).sort((a, b) => endOf(a) - endOf(b));
      if (counted.length < w.limit) continue;
      const leaving = counted[counted.length - w.limit];
      // the one that must leave the window is still out: look again after one request's share of it
      wait = Math.max(wait, leaving?.answeredAt === undefined ? span / w.limit : leaving.answeredAt + span - at);
    }
    return wait;
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
    const from = Math.max(this.clock.now(), log.at(-1) ?? 0, this.blockedUntil.get(APP) ?? 0);
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

