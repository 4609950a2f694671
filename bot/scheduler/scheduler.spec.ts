import { afterEach, describe, expect, it } from 'vitest';
import type { DrainResult } from '../outbox/outbox';
import { Scheduler } from './scheduler';

const idle: DrainResult = { sent: 0, retried: 0, failed: 0, skipped: 0 };

async function until(check: () => boolean, timeoutMs = 3_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

let scheduler: Scheduler | undefined;
afterEach(async () => {
  await scheduler?.stop();
});

describe('Scheduler', () => {
  it('drains until nothing is left, then runs the scan', async () => {
    let queue = 3;
    let scans = 0;
    const outbox = { drain: async () => (queue > 0 ? (queue--, { ...idle, sent: 1 }) : idle) };
    scheduler = new Scheduler({ outbox, scan: async () => void scans++, intervalMs: 60_000 });
    scheduler.start();
    await until(() => scans === 1);
    expect(queue).toBe(0);
  });

  it('drains soon after wake(), without waiting for the interval', async () => {
    let drains = 0;
    scheduler = new Scheduler({ outbox: { drain: async () => (drains++, idle) }, intervalMs: 60_000 });
    scheduler.start();
    await until(() => drains === 1);
    scheduler.wake();
    await until(() => drains === 2);
  });

  it('keeps running after a failing tick, and logs it', async () => {
    const logs: string[] = [];
    let calls = 0;
    const outbox = { drain: async () => { calls++; if (calls === 1) throw new Error('store unavailable'); return idle; } };
    scheduler = new Scheduler({ outbox, intervalMs: 10, log: (m) => logs.push(m) });
    scheduler.start();
    await until(() => calls >= 3);
    expect(logs.some((l) => l.includes('store unavailable'))).toBe(true);
  });

  it('does nothing after stop()', async () => {
    let drains = 0;
    scheduler = new Scheduler({ outbox: { drain: async () => (drains++, idle) }, intervalMs: 10 });
    scheduler.start();
    await until(() => drains >= 1);
    await scheduler.stop();
    const after = drains;
    scheduler.wake();
    await new Promise((r) => setTimeout(r, 50));
    expect(drains).toBe(after);
  });
});
