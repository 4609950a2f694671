import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter';

const frozen = (t = 0) => ({ now: () => t, sleep: async () => {} });

describe('RateLimiter.reserve', () => {
  it('keeps every conversation window of Teams: the 8th request in a conversation waits for the 1 s window, the 9th for the 2 s one', () => {
    const limiter = new RateLimiter({ clock: frozen(), safetyMs: 0 });
    const slots = Array.from({ length: 9 }, () => limiter.reserve('c1'));
    expect(slots.slice(0, 7)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(slots[7]).toBe(1_000);
    expect(slots[8]).toBe(2_000);
  });

  it('limits the app as a whole across conversations to 50 per second', () => {
    const limiter = new RateLimiter({ clock: frozen(), safetyMs: 0 });
    const slots = Array.from({ length: 120 }, (_, i) => limiter.reserve(`c${i}`));
    expect(slots.filter((t) => t === 0)).toHaveLength(50);
    expect(slots.filter((t) => t === 1_000)).toHaveLength(50);
    expect(slots.filter((t) => t === 2_000)).toHaveLength(20);
  });

  it('holds a conversation back after a 429 until its Retry-After has passed', () => {
    const limiter = new RateLimiter({ clock: frozen(), safetyMs: 0 });
    limiter.block('c1', 5_000);
    expect(limiter.reserve('c1')).toBe(5_000);
    expect(limiter.reserve('c2')).toBe(5_000); // the app log is ordered: later slots never jump ahead
  });

  it('never lets any 30 s window of one conversation hold more than 60 requests', () => {
    const limiter = new RateLimiter({ clock: frozen(), safetyMs: 0 });
    const slots = Array.from({ length: 130 }, () => limiter.reserve('c1'));
    for (const start of slots) expect(slots.filter((t) => t >= start && t < start + 30_000).length).toBeLessThanOrEqual(60);
  });
});
