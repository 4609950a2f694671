import { describe, expect, it } from 'vitest';
import { RecentActivities } from './recent-activities';

describe('RecentActivities', () => {
  it('runs an activity once and gives a redelivery the first answer', async () => {
    const recent = new RecentActivities();
    let runs = 0;
    const handle = async () => ({ status: 200, body: { run: ++runs } });
    const first = recent.run('a', handle);
    const second = recent.run('a', handle);
    expect(second.duplicate).toBe(true);
    expect(await second.response).toEqual(await first.response);
    expect(runs).toBe(1);
  });

  it('forgets an activity that failed or was refused, so that a retry or the real one is handled', async () => {
    const recent = new RecentActivities();
    await recent.run('a', async () => ({ status: 401 })).response;
    await recent.run('b', async () => ({ status: 500 })).response;
    await recent.run('c', async () => { throw new Error('boom'); }).response.catch(() => undefined);
    await new Promise((r) => setTimeout(r, 0));
    for (const key of ['a', 'b', 'c']) expect(recent.run(key, async () => ({ status: 200 })).duplicate).toBe(false);
  });

  it('stays within its capacity, dropping the oldest', async () => {
    const recent = new RecentActivities(2);
    for (const key of ['a', 'b', 'c']) await recent.run(key, async () => ({ status: 200 })).response;
    expect(recent.run('a', async () => ({ status: 200 })).duplicate).toBe(false);
    expect(recent.run('c', async () => ({ status: 200 })).duplicate).toBe(true);
  });
});
