import { describe, expect, it } from 'vitest';
import { MiddlewareControl } from '@microsoft/microsoft-graph-client/lib/src/middleware/MiddlewareControl';
import { Attempts } from './attempts';
import { AuthStep } from './auth-step';
import { RetryStep } from './retry-step';
import { ThrottleStep } from './throttle-step';
import { TokenBucket } from './token-bucket';
import { UserAgentStep, defaultUserAgent } from './user-agent-step';
import { context, fakeClock, scriptedNext } from './test-kit';
import { resourceUnits } from './resource-units';

const ok = () => new Response('{}', { status: 200 });
const throttled = (retryAfter?: string) => () => new Response('{"error":{"code":"TooManyRequests"}}', { status: 429, headers: retryAfter ? { 'Retry-After': retryAfter } : {} });

describe('AuthStep', () => {
  it('adds the bearer token from the token provider to every request', async () => {
    const next = scriptedNext([ok]);
    let calls = 0;
    const step = new AuthStep({ tokenProvider: async () => `token-${++calls}` });
    step.setNext(next);
    await step.execute(context('http://127.0.0.1:1/v1.0/sites/x'));
    await step.execute(context());
    expect(next.seen.map((s) => s.headers.Authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });
});

describe('UserAgentStep', () => {
  it('sends the ISV user agent, replacing any other spelling', async () => {
    const next = scriptedNext([ok]);
    const step = new UserAgentStep(defaultUserAgent('1.2.3'));
    step.setNext(next);
    const ctx = context();
    (ctx.options?.headers as Record<string, string>)['user-agent'] = 'node';
    await step.execute(ctx);
    expect(next.seen[0]?.headers).toEqual({ 'User-Agent': 'NONISV|Kvalitetshjulet|Kvalitetshjulet/1.2.3' });
  });
});

describe('RetryStep', () => {
  it('counts every attempt into the request\'s Attempts, so a resent write can be told from a first one', async () => {
    const next = scriptedNext([throttled('1'), throttled('1'), ok]);
    const step = new RetryStep({ clock: fakeClock(), maxAttempts: 5 });
    step.setNext(next);
    const attempts = new Attempts();
    await step.execute({ ...context(), middlewareControl: new MiddlewareControl([attempts]) });
    expect(attempts.count).toBe(3);
    const once = new Attempts();
    step.setNext(scriptedNext([ok]));
    await step.execute({ ...context(), middlewareControl: new MiddlewareControl([once]) });
    expect(once.count).toBe(1);
  });

  it('waits as long as Retry-After asks, then succeeds', async () => {
    const clock = fakeClock();
    const next = scriptedNext([throttled('2'), throttled('1'), ok]);
    const step = new RetryStep({ clock, maxAttempts: 5 });
    step.setNext(next);
    const ctx = context();
    await step.execute(ctx);
    expect(ctx.response?.status).toBe(200);
    expect(clock.slept).toEqual([2000, 1000]);
    expect(next.seen).toHaveLength(3);
  });

  it('gives up after maxAttempts and hands back the last 429', async () => {
    const clock = fakeClock();
    const next = scriptedNext([throttled('1')]);
    const step = new RetryStep({ clock, maxAttempts: 3 });
    step.setNext(next);
    const ctx = context();
    await step.execute(ctx);
    expect(ctx.response?.status).toBe(429);
    expect(next.seen).toHaveLength(3);
    expect(clock.slept).toEqual([1000, 1000]);
  });

  it('does not retry sooner than asked: a Retry-After beyond maxDelayMs ends retrying', async () => {
    const clock = fakeClock();
    const next = scriptedNext([throttled('120'), ok]);
    const step = new RetryStep({ clock, maxDelayMs: 10_000 });
    step.setNext(next);
    const ctx = context();
    await step.execute(ctx);
    expect(ctx.response?.status).toBe(429);
    expect(clock.slept).toEqual([]);
  });

  it('backs off exponentially with jitter when Retry-After is absent, for 503 and 504 too', async () => {
    const clock = fakeClock();
    const next = scriptedNext([() => new Response('', { status: 503 }), () => new Response('', { status: 504 }), throttled(), ok]);
    const step = new RetryStep({ clock, baseDelayMs: 100, random: () => 0.5 });
    step.setNext(next);
    await step.execute(context());
    expect(clock.slept).toEqual([50, 100, 200]);
  });

  it('does not retry other failures', async () => {
    const next = scriptedNext([() => new Response('', { status: 412 }), ok]);
    const step = new RetryStep({ clock: fakeClock() });
    step.setNext(next);
    const ctx = context();
    await step.execute(ctx);
    expect(ctx.response?.status).toBe(412);
    expect(next.seen).toHaveLength(1);
  });
});

describe('resourceUnits', () => {
  it('costs 1 for a single item, 2 for a query or a write, and sums a batch', () => {
    expect(resourceUnits('GET', 'https://g/v1.0/sites/s/lists/l/items/7?expand=fields')).toBe(1);
    expect(resourceUnits('GET', 'https://g/v1.0/sites/s/lists/l/items?expand=fields&$top=5')).toBe(2);
    expect(resourceUnits('PATCH', 'https://g/v1.0/sites/s/lists/l/items/7/fields')).toBe(2);
    expect(resourceUnits('POST', 'https://g/v1.0/sites/s/lists/l/items')).toBe(2);
    const batch = JSON.stringify({ requests: [{ method: 'GET', url: '/sites/s/lists/l/items/1' }, { method: 'GET', url: '/sites/s/lists/l/items?expand=fields' }] });
    expect(resourceUnits('POST', 'https://g/v1.0/$batch', batch)).toBe(3);
  });

  it('costs 2 for a delta without a token and 1 for one with a token, also inside a batch', () => {
    expect(resourceUnits('GET', 'https://g/v1.0/sites/s/lists/l/items/delta?$expand=fields&$top=1000')).toBe(2);
    expect(resourceUnits('GET', 'https://g/v1.0/sites/s/lists/l/items/delta?$expand=fields&token=abc')).toBe(1);
    expect(resourceUnits('GET', 'https://g/v1.0/sites/s/lists/l/items/delta?token=latest')).toBe(1);
    const batch = JSON.stringify({ requests: ['a', 'b', 'c'].map((list) => ({ method: 'GET', url: `/sites/s/lists/${list}/items/delta?$expand=fields&token=t` })) });
    expect(resourceUnits('POST', 'https://g/v1.0/$batch', batch)).toBe(3);
  });
});

describe('ThrottleStep', () => {
  it('keeps within the per-minute budget by waiting for resource units', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ perMinute: 6, clock });
    const next = scriptedNext([ok]);
    const step = new ThrottleStep(bucket);
    step.setNext(next);
    // three queries (2 units each) use the whole budget at once; the fourth must wait 20 s for 2 units
    for (let i = 0; i < 4; i++) await step.execute(context('https://g/v1.0/sites/s/lists/l/items'));
    expect(next.seen).toHaveLength(4);
    expect(clock.slept).toEqual([20_000]);
    // single-item reads cost 1: after 10 s one more can go without waiting
    await clock.sleep(10_000);
    await step.execute(context());
    expect(clock.slept).toEqual([20_000, 10_000]);
  });

  it('serves concurrent takers in order without overspending', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ perMinute: 4, clock });
    await Promise.all([bucket.take(2), bucket.take(2), bucket.take(2)]);
    expect(clock.slept).toEqual([30_000]);
    expect(bucket.available()).toBe(0);
  });
});
