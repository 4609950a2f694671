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
    expect(slots.at(-1)).toBeCloseTo(119 * 22, 5); // 20 ms per request, plus 10% headroom
  });

  it('lets other conversations go first while one waits for its window', () => {
    const limiter = new RateLimiter({ clock: frozen(), safetyMs: 0 });
    const busy = Array.from({ length: 8 }, () => limiter.reserve('busy'));
    expect(busy.at(-1)).toBeCloseTo(1_000, 5);
    expect(limiter.reserve('quiet')).toBeLessThan(200);
  });

  it('reserves a follow-up request right after the first (create a 1:1 chat, then write to it)', () => {
    const limiter = new RateLimiter({ clock: frozen(), safetyMs: 0 });
    const [create, send] = limiter.reserveSequence('user:29:1', 1);
    expect(create).toBe(0);
    expect(send).toBeCloseTo(22, 5);
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
