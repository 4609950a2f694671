/**
 * Every write route of the API, taken from the router itself, as every person of another unit
 * (and the board): refused with 403 or 404 and nothing stored, in any list. Every update and
 * delete refuses `If-Match: *` (and none at all) with 428, storing nothing. And the person who may
 * make the write makes it: the control that shows each request would have worked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routerToWalk, walkRoutes } from '../../src/api/spec-helpers';
import type { Harness, TestResponse } from '../api/harness';
import { routeOf, snapshot, startWalk, writeRoutes, type Prepared, type WalkContext } from './write-routes';
import type { PersonaId } from '../../src/auth/personas';

/** Write routes as the router has them: `patch /goals/:id`; the bot endpoint authenticates itself. */
const walked = walkRoutes(routerToWalk())
  .flatMap((route) => route.methods.map((method) => `${method} ${route.path}`))
  .filter((key) => !key.startsWith('get ') && key !== 'post /messages')
  .sort();

let h: Harness;
let c: WalkContext;
beforeAll(async () => {
  c = await startWalk();
  h = c.h;
});
afterAll(async () => {
  await h?.server.stop();
});

/** Sends the prepared request; `ifMatch` null sends none. */
function send(key: string, prepared: Prepared, persona: PersonaId, ifMatch: string | null = prepared.ifMatch ?? null): Promise<TestResponse> {
  const { method } = routeOf(key);
  return h.request(method, prepared.path, {
    persona,
    ...(prepared.body !== undefined ? { body: prepared.body } : {}),
    ...(ifMatch !== null ? { headers: { 'if-match': ifMatch } } : {}),
  });
}

describe('the write routes walked', () => {
  it('has a request for every write route of the router, and none for a route it does not have', () => {
    expect(Object.keys(writeRoutes).sort()).toEqual(walked);
    expect(walked.length).toBeGreaterThan(30);
  });
});

describe.each(walked)('%s', (key) => {
  const route = writeRoutes[key];

  it('refuses every person of another unit, and the board: 403 or 404, nothing stored in any list', async () => {
    if (!route) throw new Error(`no request for ${key} in write-routes.ts`);
    const prepared = await route.prepare(c);
    const before = await snapshot(h);
    for (const persona of route.refused) {
      const response = await send(key, prepared, persona);
      expect({ persona, status: response.status }).toEqual({ persona, status: response.status === 404 ? 404 : 403 });
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    expect(await snapshot(h)).toEqual(before);
  });

  it('refuses If-Match: * and a missing If-Match with 428 from the one who may write, nothing stored', async (context) => {
    if (!route) throw new Error(`no request for ${key} in write-routes.ts`);
    const prepared = await route.prepare(c);
    if (prepared.ifMatch === undefined) return context.skip();
    const before = await snapshot(h);
    for (const ifMatch of ['*', `${prepared.ifMatch}, *`, null]) {
      const response = await send(key, prepared, route.allowed, ifMatch);
      expect({ ifMatch, status: response.status }).toEqual({ ifMatch, status: 428 });
      expect(response.body).toMatchObject({ code: 'preconditionRequired', field: 'If-Match' });
    }
    expect(await snapshot(h)).toEqual(before);
  });

  it('is made by the one who may (the control)', async () => {
    if (!route) throw new Error(`no request for ${key} in write-routes.ts`);
    const response = await send(key, await route.prepare(c), route.allowed);
    expect({ status: response.status, body: response.status < 300 ? {} : response.body }).toMatchObject({ status: expect.toSatisfy((status: number) => status >= 200 && status < 300) });
    await route.settle?.(c, response);
  });
});
