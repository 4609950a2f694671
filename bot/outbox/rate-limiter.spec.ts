import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter';

const frozen = (t = 0) => ({ now: () => t, sleep: async () => {} });

describe('RateLimiter.reserve', () => {
  it('keeps every conversation window of Teams: 7 paced over the first second, the 8th at 1 s, the 9th at 2 s', () => {
    const limiter = new RateLimiter({ clock: frozen(), safetyMs: 0 });
    const slots = Array.from({ length: 9 }, () => limiter.reserve('c1'));
    const first = slots.slice(0, 7);
    expect(first.every((t, i) => t < 1_000 && (i === 0 || t > (first[i - 1] ?? 0)))).toBe(true);
    expect(slots[7]).toBeCloseTo(1_000, 5);
    expect(slots[8]).toBeCloseTo(2_000, 5);
  });

  it('limits the app as a whole to 50 per second, paced evenly', () => {
    const limiter = new RateLimiter({ clock: frozen(), safetyMs: 0 });
    const slots = Array.from({ length: 120 }, (_, i) => limiter.reserve(`c${i}`));
    for (const start of slots) expect(slots.filter((t) => t >= start && t < start + 1_000).length).toBeLessThanOrEqual(50);
    expect(slots.at(-1)).toBeCloseTo(119 * 20, 5); // 20 ms per request: no slower than the limit
  });

  it('spreads the safety margin over the window: 50 requests take the window and the margin', () => {
    const limiter = new RateLimiter({ clock: frozen(), safetyMs: 25 });
    const slots = Array.from({ length: 101 }, (_, i) => limiter.reserve(`c${i}`));
    expect(slots[50]).toBeCloseTo(1_025, 5);
    expect(slots[100]).toBeCloseTo(2_050, 5);
  });

  it('lets other conversations go first while one waits for its window', () => {
    const limiter = new RateLimiter({ clock: frozen(), safetyMs: 0 });
    const busy = Array.from({ length: 8 }, () => limiter.reserve('busy'));
    expect(busy.at(-1)).toBeCloseTo(1_000, 5);
    expect(limiter.reserve('quiet')).toBeLessThan(200);
  });

  it('reports a conversation blocked after a 429 until its Retry-After has passed, without holding up others', () => {
    let now = 0;
    const limiter = new RateLimiter({ clock: { now: () => now, sleep: async () => {} }, safetyMs: 0 });
    limiter.block('c1', 5_000);
    expect(limiter.blockedFor('c1')).toBe(5_000);
    expect(limiter.reserve('c2')).toBe(0);
    now = 5_000;
    expect(limiter.blockedFor('c1')).toBe(0);
  });

  it('holds every conversation back after an app-wide 429', () => {
    const limiter = new RateLimiter({ clock: frozen(), safetyMs: 0 });
    limiter.block('*', 3_000);
    expect(limiter.reserve('c9')).toBe(3_000);
  });

  it('never lets any 30 s window of one conversation hold more than 60 requests', () => {
    const limiter = new RateLimiter({ clock: frozen(), safetyMs: 0 });
    const slots = Array.from({ length: 130 }, () => limiter.reserve('c1'));
    for (const start of slots) expect(slots.filter((t) => t >= start && t < start + 30_000).length).toBeLessThanOrEqual(60);
  });
});

describe('RateLimiter.depart', () => {
  /** a clock whose sleep moves time on, as a timer would */
  const ticking = (start = 0) => {
    const clock = { t: start, now: () => clock.t, sleep: async (ms: number) => { clock.t += Math.max(0, ms); } };
    return clock;
  };
  const overfull = (times: readonly number[], windowMs: number, limit: number) => times.filter((start) => times.filter((t) => t >= start && t < start + windowMs).length > limit);

  it('keeps requests late for their slots from leaving together (a busy process fires timers late)', async () => {
    const clock = ticking();
    const limiter = new RateLimiter({ clock, safetyMs: 0 });
    const slots = Array.from({ length: 120 }, (_, i) => limiter.reserve(`c${i}`));
    clock.t = 5_000; // every slot has passed before any request is ready
    const departed: number[] = [];
    for (const [i, slot] of slots.entries()) {
      const answered = await limiter.depart(`c${i}`, slot);
      departed.push(clock.now());
      answered();
    }
    expect(overfull(departed, 1_000, 50)).toEqual([]);
    expect(departed.every((t, i) => i === 0 || t - (departed[i - 1] ?? 0) >= 20 - 1e-9)).toBe(true);
  });

  it('counts a request until its answer is in: the server counted it somewhere on the way', async () => {
    const clock = ticking();
    const limiter = new RateLimiter({ clock, safetyMs: 0 });
    const answers: (() => void)[] = [];
    for (let i = 0; i < 50; i++) answers.push(await limiter.depart(`c${i}`));
    expect(clock.now()).toBeCloseTo(49 * 20, 5); // paced over the window
    clock.t = 3_000; // the answers take their time
    for (const answered of answers) answered();
    await limiter.depart('c50');
    // a full window after the answers (and the clock's millisecond), not after the departures
    expect(clock.now()).toBeCloseTo(4_002, 5);
  });

  it('keeps a conversation\'s windows on what has gone', async () => {
    const clock = ticking();
    const limiter = new RateLimiter({ clock, safetyMs: 0 });
    const departed: number[] = [];
    for (let i = 0; i < 9; i++) {
      const answered = await limiter.depart('c1');
      departed.push(clock.now());
      answered();
    }
    expect(overfull(departed, 1_000, 7)).toEqual([]);
    expect(overfull(departed, 2_000, 8)).toEqual([]);
  });

  it('never lets more than `limit` requests start in any window, however many wait at once and however late their timers fire', async () => {
    // a fake clock with a timer queue: every timer fires late by up to 30 ms, in the order it is due
    let now = 0;
    const timers: { at: number; fire: () => void }[] = [];
    const clock = { now: () => now, sleep: (ms: number) => new Promise<void>((fire) => timers.push({ at: now + Math.max(0, ms) + ((timers.length * 7919) % 31), fire })) };
    const limiter = new RateLimiter({ clock, safetyMs: 0 });
    const started: { at: number; conversation: string }[] = [];
    const requests = Array.from({ length: 400 }, async (_, i) => {
      const conversation = `c${i % 40}`;
      // each answer comes 20 ms after its request starts (on the fake clock)
      const request = async (): Promise<void> => {
        const answered = await limiter.acquire(conversation);
        started.push({ at: now, conversation });
        await clock.sleep(20);
        answered();
      };
      await request();
      // half the requests follow up in the same conversation (a create, then its send)
      if (i % 2 === 0) await request();
    });
    let done = false;
    const all = Promise.all(requests).then(() => { done = true; });
    for (let round = 0; round < 100_000 && !done; round++) {
      await new Promise((resolve) => setImmediate(resolve));
      timers.sort((a, b) => a.at - b.at);
      const next = timers.shift();
      if (!next) continue;
      now = Math.max(now, next.at);
      next.fire();
    }
    await all;
    expect(started).toHaveLength(600);
    const times = started.map((s) => s.at);
    expect(overfull(times, 1_000, 50)).toEqual([]);
    // near the limit's pace: the 600th may start 11 windows after the first; late timers cost a little
    expect(Math.max(...times)).toBeLessThan(11_000 * 1.2);
    for (let c = 0; c < 40; c++) {
      const own = started.filter((s) => s.conversation === `c${c}`).map((s) => s.at);
      expect(overfull(own, 1_000, 7)).toEqual([]);
      expect(overfull(own, 2_000, 8)).toEqual([]);
    }
  });
});
