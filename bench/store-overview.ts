/**
 * Issue 15's target: the unit overview from the read model, in at most one Graph round trip,
 * against the one `$batch` of its reads it was before (at 100 ms per request), with the resource
 * units each costs.
 *
 * Issue target: with 100 ms latency per emulator request, a unit's overview (the unit, goals,
 * indicators, measurements, analyses, actions, meetings, the year wheel, feedback: the reads of
 * the overview service) takes one round trip, compared with a naive reader that sends one request
 * per list, in the same run. Target: at least 4x faster.
 *
 * And the first overview after start: a store created and warmed as the server's start does it
 * answers in one round trip too, compared with looking the list ids up one by one first (as the
 * store did before every list id was looked up together).
 */
import { schoolYearOf } from '../src/domain';
import { startEmulator, type RunningEmulator } from '../src/emulator';
import { seedDemo } from '../src/emulator/seed';
import { allLists, lists, mirroredLists, type Entities } from '../src/lists/lists';
import { createServices } from '../src/services';
import type { Caller } from '../src/services/caller';
import { createGraphStore } from '../src/store/graph-store';
import { createMirror } from '../src/store/mirror';
import type { BatchRead, Store } from '../src/store/port';
import { benchLine, percentile, resourceUnitCounter, time } from './measure';

const latencyMs = 100;
const rounds = 5;

function overviewReads(unitId: string, schoolYear: string, now: Date): BatchRead<Entities>[] {
  const byUnit = { field: 'unitId', op: 'eq', value: unitId } as const;
  const ofYear = { field: 'schoolYear', op: 'eq', value: schoolYear } as const;
  return [
    { list: 'units', id: unitId },
    { list: 'goals', query: { filter: [byUnit, ofYear] } },
    { list: 'indicators', query: {} },
    { list: 'measurements', query: { filter: [byUnit] } },
    { list: 'analyses', query: { filter: [byUnit, ofYear] } },
    { list: 'actions', query: { filter: [byUnit, ofYear] } },
    { list: 'meetings', query: { filter: [byUnit, { field: 'startsAt', op: 'ge', value: now.toISOString() }] } },
    { list: 'yearWheel', query: { filter: [ofYear] } },
    { list: 'feedback', query: { filter: [byUnit] } },
  ];
}

async function naive(store: Store<Entities>, reads: readonly BatchRead<Entities>[]): Promise<number> {
  let count = 0;
  for (const read of reads) count += 'query' in read ? (await store.query(read.list, read.query)).items.length : (await store.get(read.list, read.id)) ? 1 : 0;
  return count;
}

/** A store as the server starts one: created, then warmed (every list id in one request). */
async function started(emulator: RunningEmulator): Promise<Store<Entities>> {
  const store = createGraphStore<Entities>({ baseUrl: emulator.baseUrl, siteId: emulator.siteId, lists });
  await store.warm();
  return store;
}

/** The lookup before: one `GET lists?$filter=displayName eq '…'` per list, one after another. */
async function lookupsOneByOne(emulator: RunningEmulator, reads: readonly BatchRead<Entities>[]): Promise<void> {
  for (const key of new Set(reads.map((read) => read.list))) {
    const filter = encodeURIComponent(`displayName eq '${lists[key].definition.displayName.replace(/'/g, "''")}'`);
    const response = await fetch(`${emulator.baseUrl}/sites/${emulator.siteId}/lists?$filter=${filter}&$select=id,displayName`);
    if (!response.ok) throw new Error(`list lookup answered ${response.status}`);
    await response.arrayBuffer();
  }
}

const admin: Caller = { userId: '1a000000-0000-4000-8000-000000000001', tenantId: 't', name: 'Admin', appRoles: ['Administration'], groups: [], groupsOverage: false, principalOfUnitIds: [] };

/** The overview service over the read model (its delta round trip, then memory) against the one `$batch` of its reads. */
async function fromTheMirror(emulator: RunningEmulator, unitId: string, reads: readonly BatchRead<Entities>[], now: Date): Promise<string[]> {
  const counter = resourceUnitCounter();
  const store = createGraphStore<Entities>({ baseUrl: emulator.baseUrl, siteId: emulator.siteId, lists, fetch: counter.fetch });
  await store.warm();
  const mirror = createMirror(store, store, { lists: mirroredLists });
  await mirror.start();
  const services = createServices(mirror.store, mirror.readModel, { now: () => now });
  await services.overview.overview(admin, unitId); // the units the policy reads, cached as between requests
  const batch: number[] = [];
  const views: number[] = [];
  const spent = { batch: 0, view: 0, trips: 0 };
  for (let i = 0; i < rounds; i++) {
    const before = counter.spent();
    batch.push((await time(() => store.readMany(reads))).ms);
    spent.batch = counter.spent() - before;
    const [units, trips] = [counter.spent(), emulator.stats().roundTrips];
    views.push((await time(() => services.overview.overview(admin, unitId))).ms);
    spent.view = counter.spent() - units;
    spent.trips = emulator.stats().roundTrips - trips;
  }
  if (spent.trips > 1) throw new Error(`the overview from the mirror took ${spent.trips} round trips`);
  const [view, before] = [percentile(views, 50), percentile(batch, 50)];
  const baseline = `one $batch of its ${reads.length} reads`;
  return [
    benchLine('unit overview from the mirror, 100 ms per request', view, 'ms', before / view, `${baseline} (${before.toFixed(0)} ms)`),
    benchLine('unit overview from the mirror, Graph round trips', spent.trips, 'round trips', 1 / spent.trips, `${baseline} (1 round trip)`),
    benchLine('unit overview from the mirror, SharePoint resource units', spent.view, 'resource units', spent.batch / spent.view, `${baseline} (${spent.batch} resource units)`),
  ];
}

export async function run(): Promise<string[]> {
  const emulator = await startEmulator({ lists: allLists });
  try {
    const store = createGraphStore<Entities>({ baseUrl: emulator.baseUrl, siteId: emulator.siteId, lists });
    await seedDemo(store);
    const unit = (await store.query('units', { top: 1 })).items[0];
    if (!unit) throw new Error('no unit seeded');
    const now = new Date();
    const reads = overviewReads(unit.id, schoolYearOf(now), now);
    await store.readMany(reads); // resolves list ids before timing
    emulator.setFaults({ latencyMs });

    const batched: number[] = [];
    const sequential: number[] = [];
    const cold: number[] = [];
    const coldBaseline: number[] = [];
    let requestsBatched = 0;
    let coldTrips = 0;
    let coldBaselineTrips = 0;
    for (let i = 0; i < rounds; i++) {
      const before = emulator.stats().requests;
      batched.push((await time(() => store.readMany(reads))).ms);
      requestsBatched = emulator.stats().requests - before;
      sequential.push((await time(() => naive(store, reads))).ms);

      const fresh = await started(emulator);
      const coldBefore = emulator.stats().roundTrips;
      cold.push((await time(() => fresh.readMany(reads))).ms);
      coldTrips = emulator.stats().roundTrips - coldBefore;

      const baselineBefore = emulator.stats().roundTrips;
      coldBaseline.push((await time(async () => {
        await lookupsOneByOne(emulator, reads);
        await store.readMany(reads);
      })).ms);
      coldBaselineTrips = emulator.stats().roundTrips - baselineBefore;
    }
    if (coldTrips !== 1) throw new Error(`the first overview after start took ${coldTrips} round trips, not one`);
    const mirrored = await fromTheMirror(emulator, unit.id, reads, now);
    const fast = percentile(batched, 50);
    const slow = percentile(sequential, 50);
    const first = percentile(cold, 50);
    const firstBefore = percentile(coldBaseline, 50);
    const baseline = `list ids looked up one by one first`;
    return [
      benchLine('unit overview, one $batch, 100 ms per request', fast, 'ms', slow / fast, `one request per list (${slow.toFixed(0)} ms)`),
      `bench: unit overview round trips: 1 HTTP request for ${reads.length} reads (${requestsBatched} counted by the emulator incl. inner requests)`,
      benchLine('first unit overview after start, 100 ms per request', first, 'ms', firstBefore / first, `${baseline} (${firstBefore.toFixed(0)} ms)`),
      benchLine('first unit overview after start, round trips', coldTrips, 'round trips', coldBaselineTrips / coldTrips, `${baseline} (${coldBaselineTrips} round trips)`),
      ...mirrored,
    ];
  } finally {
    await emulator.close();
  }
}
