/**
 * Two server instances on one lists emulator, each with its own mirror: a user who writes on one
 * and whose next request reaches the other sees their write, every time; and an instance whose
 * mirror has not finished its first enumeration answers no view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONA_USER_IDS } from '../../src/auth/personas';
import { schoolYearOf } from '../../src/domain';
import type { RunningEmulator } from '../../src/emulator/index';
import { firstInstance, nextInstance, type Instance } from './instances';
import { BJORKSKOLAN } from './harness';

let one: Instance;
let two: Instance;
let emulator: RunningEmulator;
let unitId: string;
const year = schoolYearOf(new Date());

interface Listed {
  readonly id: string;
  readonly etag: string;
  readonly title?: string;
  readonly value?: number;
}
const listed = (body: Record<string, unknown>, key: string): Listed[] => (body[key] as Listed[] | undefined) ?? [];

beforeAll(async () => {
  one = await firstInstance();
  const shared = one.started.emulator;
  if (!shared) throw new Error('the first instance runs the emulator');
  emulator = shared;
  two = await nextInstance(emulator);
  const units = await one.started.store.queryAll('units');
  unitId = units.find((unit) => unit.fields.name === BJORKSKOLAN)?.id ?? '';
});

afterAll(async () => {
  await two?.server.stop();
  await one?.server.stop();
});

describe('two instances on one emulator', () => {
  it('shows a write on one instance in the next view on the other, in both directions, every time', async () => {
    const start = await one.call('GET', `/api/units/${unitId}/overview`, 'principal-bjork');
    expect(start.status).toBe(200);
    const action = listed(start.body, 'openActions')[0];
    if (!action) throw new Error('the demo has open actions');
    let etag = action.etag;
    for (let round = 0; round < 20; round++) {
      const [writer, reader] = round % 2 === 0 ? [one, two] : [two, one];
      const title = `Åtgärd, version ${round}`;
      const written = await writer.call('PATCH', `/api/actions/${action.id}`, 'principal-bjork', { body: { title }, headers: { 'if-match': etag } });
      expect(written.status).toBe(200);
      etag = String(written.body['etag']);
      const view = await reader.call('GET', `/api/units/${unitId}/overview`, 'principal-bjork');
      expect(view.status).toBe(200);
      expect(listed(view.body, 'openActions').find((entry) => entry.id === action.id)).toMatchObject({ title, etag });
    }
  });

  it('shows an action created on one instance in Mina åtgärder on the other, and a result in the overview', async () => {
    const created = await one.call('POST', `/api/units/${unitId}/actions`, 'principal-bjork', {
      body: { title: 'Ny åtgärd från det ena', ownerId: PERSONA_USER_IDS.staffBjork, dueDate: `${year.slice(0, 4)}-12-01`, originKind: 'analysis', originId: await anAnalysis() },
    });
    expect(created.status).toBe(201);
    const mine = await two.call('GET', '/api/my/actions', 'staff-bjork');
    expect(mine.status).toBe(200);
    expect(listed(mine.body, 'items').map((item) => item.id)).toContain(created.body['id']);

    const indicators = await one.call('GET', '/api/indicators', 'principal-bjork');
    const indicatorId = String(listed(indicators.body, 'items')[0]?.id);
    const measured = await two.call('POST', `/api/units/${unitId}/measurements`, 'principal-bjork', { body: { indicatorId, period: `${year} VT`, value: 98.7 } });
    expect(measured.status).toBe(201);
    const overview = await one.call('GET', `/api/units/${unitId}/overview`, 'principal-bjork');
    expect(listed(overview.body, 'latestMeasurements').find((m) => m.id === measured.body['id'])).toMatchObject({ value: 98.7 });
  });

  it('drops an item deleted on one instance from the next view on the other', async () => {
    // a unit goal stands under one of the year's organizer goals or areas
    const parentGoalId = String(listed((await one.call('GET', `/api/goals?schoolYear=${encodeURIComponent(year)}`, 'principal-bjork')).body, 'items')[0]?.id);
    const goal = await two.call('POST', `/api/units/${unitId}/goals`, 'principal-bjork', { body: { title: 'Mål som tas bort', schoolYear: year, parentGoalId } });
    expect(goal.status).toBe(201);
    expect(listed((await one.call('GET', `/api/units/${unitId}/overview`, 'principal-bjork')).body, 'goals').map((g) => g.id)).toContain(goal.body['id']);
    const removed = await one.call('DELETE', `/api/goals/${String(goal.body['id'])}`, 'principal-bjork', { headers: { 'if-match': String(goal.body['etag']) } });
    expect(removed.status).toBe(204);
    expect(listed((await two.call('GET', `/api/units/${unitId}/overview`, 'principal-bjork')).body, 'goals').map((g) => g.id)).not.toContain(goal.body['id']);
  });
});

describe('an instance whose mirror is still syncing', () => {
  it('answers every view 503 syncing with Retry-After and /healthz syncing, until its first enumeration is complete', async () => {
    // the change feed fails and everything else answers: this instance cannot finish its first enumeration
    emulator.setFaults({ unavailableMatching: '/items/delta' });
    const three = await nextInstance(emulator, { waitForMirror: false });
    try {
      const health = await fetch(`${three.started.url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: 'syncing', mode: 'local', mirror: { synced: false, enumerated: 0 } });
      for (const path of [`/api/units/${unitId}/overview`, '/api/my/actions', '/api/organizer/rollup']) {
        const view = await three.call('GET', path, path.includes('organizer') ? 'admin' : 'principal-bjork');
        expect(view.status, path).toBe(503);
        expect(view.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(view.headers.get('retry-after')).toBe('2');
        expect(view.body).toMatchObject({ code: 'syncing', status: 503 });
      }
      // what does not read the mirror answers
      expect((await three.call('GET', `/api/units/${unitId}`, 'principal-bjork')).status).toBe(200);

      emulator.setFaults({});
      await three.started.mirror.synced;
      const ready = await fetch(`${three.started.url}/healthz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ok', mode: 'local' });
      expect((await three.call('GET', `/api/units/${unitId}/overview`, 'principal-bjork')).status).toBe(200);
    } finally {
      emulator.setFaults({});
      await three.server.stop();
    }
  });
});

async function anAnalysis(): Promise<string> {
  const analyses = await one.started.store.queryAll('analyses', { filter: [{ field: 'unitId', op: 'eq', value: unitId }] });
  const analysis = analyses[0];
  if (!analysis) throw new Error('the demo has analyses');
  return analysis.id;
}
