/**
 * A running import's results are not counted until it is complete, on every instance: two
 * servers on one lists emulator, an import committed on the first and its job run by a worker the
 * test holds after every row is written but before the job is complete. The unit's overview, its
 * results and the roll-up show the results as they were, on both instances; once the import
 * completes they show the new ones, on the instance that ran it at once and on the other after
 * its next round trip.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchoolYear } from '../../src/domain';
import type { Entities } from '../../src/lists/lists';
import { ImportWorker } from '../../src/services/import/import-worker';
import type { Store } from '../../src/store/port';
import { firstInstance, nextInstance, type Instance } from './instances';

let one: Instance;
let two: Instance;
let unitId: string;
let meritId: string;

/** Tallåsen's latest merit value (this school year's autumn term): the import changes it and adds the spring term's. */
let schoolYear: SchoolYear;
let period: string;
let value: number;
let nextPeriod: string;

const TALLASEN = '91234505';
const MERIT = 'Genomsnittligt meritvärde åk 9';

beforeAll(async () => {
  // no worker of their own: the test runs the import's job, held part way
  one = await firstInstance({ importWorker: false, importJobs: { chunkRows: 1 } });
  const emulator = one.started.emulator;
  if (!emulator) throw new Error('the first instance runs the emulator');
  two = await nextInstance(emulator, { importWorker: false });
  const unit = (await one.started.store.queryAll('units')).find((u) => u.fields.schoolUnitCode === TALLASEN);
  const merit = (await one.started.store.queryAll('indicators')).find((i) => i.fields.name === MERIT);
  if (!unit || !merit) throw new Error('the demo has Tallåsen and its merit value');
  unitId = unit.id;
  meritId = merit.id;
  const latest = latestMerit(await overview(one));
  if (!latest) throw new Error('the demo has a merit value for Tallåsen');
  schoolYear = latest.schoolYear as SchoolYear;
  period = latest.period;
  value = latest.value;
  nextPeriod = `${schoolYear} VT`;
  if (period !== `${schoolYear} HT`) throw new Error(`the demo's latest merit value is of the autumn term, not ${period}`);
});

afterAll(async () => {
  await two?.server.stop();
  await one?.server.stop();
});

interface Listed { readonly id: string; readonly indicatorId: string; readonly period: string; readonly schoolYear: string; readonly value: number; readonly etag: string; readonly importId?: string }

async function overview(instance: Instance): Promise<Record<string, unknown>> {
  const answer = await instance.call('GET', `/api/units/${unitId}/overview`, 'admin');
  expect(answer.status).toBe(200);
  return answer.body;
}

function latestMerit(body: Record<string, unknown>): Listed | undefined {
  return (body['latestMeasurements'] as Listed[]).find((m) => m.indicatorId === meritId);
}

/** Tallåsen's merit value in the roll-up of the school year, as the organizer sees it (the spring term's over the autumn's). */
async function rolledUp(instance: Instance): Promise<number | undefined> {
  const answer = await instance.call('GET', `/api/organizer/rollup?schoolYear=${encodeURIComponent(schoolYear)}`, 'admin');
  expect(answer.status).toBe(200);
  const indicators = answer.body['indicators'] as { indicatorId: string; units: { unitId: string; values: Record<string, number> }[] }[];
  return indicators.find((i) => i.indicatorId === meritId)?.units.find((u) => u.unitId === unitId)?.values[schoolYear];
}

/** Tallåsen's merit results, a page as the unit's results view reads it. */
async function listedMerit(instance: Instance): Promise<Listed[]> {
  const answer = await instance.call('GET', `/api/units/${unitId}/measurements?indicatorId=${meritId}`, 'admin');
  expect(answer.status).toBe(200);
  return (answer.body['items'] as Listed[]).filter((m) => m.period === period || m.period === nextPeriod);
}

/** The store the worker writes through, held at the job's `n`th write (its claim, then a checkpoint a chunk) until released. */
function heldAt(store: Store<Entities>, n: number) {
  let reached = (): void => undefined;
  let release = (): void => undefined;
  const reachedP = new Promise<void>((resolve) => { reached = resolve; });
  const released = new Promise<void>((resolve) => { release = resolve; });
  let jobWrites = 0;
  const held: Store<Entities> = {
    ...store,
    update: async (list, id, patch, options) => {
      if (list === 'jobs' && ++jobWrites === n) {
        reached();
        await released;
      }
      return store.update(list, id, patch, options);
    },
  };
  return { held, reached: reachedP, release };
}

describe('an import while it runs', () => {
  it('shows the results as they were until it is complete, then the new ones, on both instances', async () => {
    expect((await listedMerit(one)).map((m) => m.period)).toEqual([period]);
    // the roll-up of the year is counted (and kept) before the import
    expect(await rolledUp(one)).toBe(value);
    const changed = Math.round((value + 7) * 10) / 10;
    const csv = `Skolenhetskod;Läsår;${MERIT}\n${TALLASEN};${period};${String(changed).replace('.', ',')}\n${TALLASEN};${nextPeriod};250\n`;
    const queued = await one.call('POST', '/api/organizer/imports', 'admin', { body: { kind: 'skolverket', csv } });
    expect(queued.status, JSON.stringify(queued.body)).toBe(202);
    expect(queued.body).toMatchObject({ state: 'queued', total: 2 });

    // one row a chunk: held at the third write of the job, the second checkpoint, with both rows stored
    const { held, reached, release } = heldAt(one.started.store, 3);
    const running = new ImportWorker(held, { unitsPerMinute: 1_000_000 }).runNext();
    await reached;
    const stored = (await one.started.store.queryAll('measurements', { filter: [{ field: 'unitId', op: 'eq', value: unitId }] }))
      .filter((m) => m.fields.indicatorId === meritId && (m.fields.period === period || m.fields.period === nextPeriod));
    expect(stored.map((m) => m.fields.value).sort()).toEqual([250, changed].sort());

    for (const instance of [one, two]) {
      expect(latestMerit(await overview(instance))).toMatchObject({ period, value });
      expect(await rolledUp(instance)).toBe(value);
      expect((await listedMerit(instance)).map((m) => [m.period, m.value])).toEqual([[period, value]]);
    }
    const job = await one.call('GET', `/api/organizer/imports/${String(queued.body['id'])}`, 'admin');
    // the second chunk's checkpoint is the write held
    expect(job.body).toMatchObject({ state: 'running', written: 1 });

    release();
    await running;
    expect((await one.call('GET', `/api/organizer/imports/${String(queued.body['id'])}`, 'admin')).body).toMatchObject({ state: 'done', created: 1, updated: 1 });
    for (const instance of [one, two]) {
      expect(latestMerit(await overview(instance))).toMatchObject({ period: nextPeriod, value: 250 });
      expect(await rolledUp(instance)).toBe(250);
      expect((await listedMerit(instance)).map((m) => [m.period, m.value]).sort()).toEqual([[period, changed], [nextPeriod, 250]].sort());
    }
  });

  it('makes a result corrected by hand an ordinary one', async () => {
    const imported = (await listedMerit(two)).find((m) => m.period === nextPeriod);
    if (!imported) throw new Error('the import stored the next year');
    expect(imported.importId).toBeDefined();
    const corrected = await two.call('PATCH', `/api/measurements/${imported.id}`, 'admin', { body: { value: 251 }, headers: { 'if-match': imported.etag } });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    expect(corrected.body['value']).toBe(251);
    expect(corrected.body).not.toHaveProperty('importId');
    expect(latestMerit(await overview(one))).toMatchObject({ period: nextPeriod, value: 251 });
  });
});
