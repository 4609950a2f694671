/**
 * Issue target: with 100 ms latency per emulator request, a unit's overview (goals, indicators,
 * latest measurements, open actions, next meetings) takes one round trip. Compared with a naive
 * reader that sends one request per list, in the same run. Target: at least 4x faster.
 */
import { schoolYearOf } from '../src/domain';
import { startEmulator } from '../src/emulator';
import { seedDemo } from '../src/emulator/seed';
import { allLists, lists, type Entities } from '../src/lists/lists';
import { createGraphStore } from '../src/store/graph-store';
import type { BatchRead, Store } from '../src/store/port';
import { benchLine, percentile, time } from './measure';

const latencyMs = 100;
const rounds = 5;

function overviewReads(unitId: string, schoolYear: string): BatchRead<Entities>[] {
  return [
    { list: 'goals', query: { filter: [{ field: 'unitId', op: 'eq', value: unitId }] } },
    { list: 'indicators', query: {} },
    { list: 'measurements', query: { filter: [{ field: 'unitId', op: 'eq', value: unitId }, { field: 'schoolYear', op: 'eq', value: schoolYear }] } },
    { list: 'actions', query: { filter: [{ field: 'unitId', op: 'eq', value: unitId }] } },
    { list: 'meetings', query: { filter: [{ field: 'unitId', op: 'eq', value: unitId }] } },
  ];
}

async function naive(store: Store<Entities>, reads: BatchRead<Entities>[]): Promise<number> {
  let count = 0;
  for (const read of reads) {
    if ('query' in read) count += (await store.query(read.list, read.query)).items.length;
  }
  return count;
}

export async function run(): Promise<string[]> {
  const emulator = await startEmulator({ lists: allLists });
  try {
    const store = createGraphStore<Entities>({ baseUrl: emulator.baseUrl, siteId: emulator.siteId, lists });
    await seedDemo(store);
    const unit = (await store.query('units', { top: 1 })).items[0];
    if (!unit) throw new Error('no unit seeded');
    const reads = overviewReads(unit.id, schoolYearOf(new Date()));
    await store.readMany(reads); // resolves list ids before timing
    emulator.setFaults({ latencyMs });

    const batched: number[] = [];
    const sequential: number[] = [];
    let requestsBatched = 0;
    for (let i = 0; i < rounds; i++) {
      const before = emulator.stats().requests;
      batched.push((await time(() => store.readMany(reads))).ms);
      requestsBatched = emulator.stats().requests - before;
      sequential.push((await time(() => naive(store, reads))).ms);
    }
    const fast = percentile(batched, 50);
    const slow = percentile(sequential, 50);
    return [
      benchLine('unit overview, one $batch, 100 ms per request', fast, 'ms', slow / fast, `one request per list (${slow.toFixed(0)} ms)`),
      `bench: unit overview round trips: 1 HTTP request for ${reads.length} reads (${requestsBatched} counted by the emulator incl. inner requests)`,
    ];
  } finally {
    await emulator.close();
  }
}
