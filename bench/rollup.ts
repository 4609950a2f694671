/**
 * Issue target: the organizer's roll-up for 60 units over 3 school years with 100 ms latency per
 * Graph request: round trips and time, against a naive per-unit reader (one request per list per
 * unit; a unit's lists in parallel, units one after another) measured in the same run.
 * Seeding happens first with no latency. The stores get a large resource-unit budget so the
 * client-side throttle does not blur what is measured here: round trips and latency.
 */
import { startEmulator } from '../src/emulator';
import type { Action, Analysis, Measurement } from '../src/domain';
import { allLists, lists, type Entities } from '../src/lists/lists';
import { RollupService } from '../src/services/rollup';
import { createGraphStore } from '../src/store/graph-store';
import { startedMirror } from '../src/store/test-kit';
import type { Store, StoredItem } from '../src/store/port';
import { pool } from '../test/pool';
import { benchLine, percentile, time } from './measure';

const unitCount = 60;
const years = ['2025/26', '2024/25', '2023/24'] as const;
const indicatorCount = 8;
const latencyMs = 100;
const rounds = 3;
const seedConcurrency = 16;
const actor = { actor: '0c000000-0000-4000-8000-000000000001' };
const owner = '0c000000-0000-4000-8000-000000000002';
const unlimited = { resourceUnitsPerMinute: 1_000_000_000 };

async function seed(store: Store<Entities>): Promise<void> {
  const units = await pool(Array.from({ length: unitCount }, (_, u) => () => store.create('units', {
    name: `Enhet ${String(u + 1).padStart(2, '0')}`, type: 'grundskola', schoolUnitCode: String(30_000_000 + u), principalIds: [],
  }, actor)), seedConcurrency);
  const indicators = await pool(Array.from({ length: indicatorCount }, (_, i) => () => store.create('indicators', {
    name: `Indikator ${i + 1}`, source: 'grades', unitOfMeasure: 'percent', direction: 'higherIsBetter', target: 80,
  }, actor)), seedConcurrency);
  const tasks: (() => Promise<unknown>)[] = [];
  units.forEach((unit, u) => {
    for (const [y, year] of years.entries()) {
      for (const [i, indicator] of indicators.entries()) {
        const fields: Measurement = { indicatorId: indicator.id, unitId: unit.id, period: year, schoolYear: year, value: 60 + ((u * 7 + i * 3 + y) % 35) };
        tasks.push(() => store.create('measurements', fields, actor));
      }
      tasks.push(() => store.create('goals', { title: `Mål ${year}`, level: 'unit', unitId: unit.id, schoolYear: year }, actor));
      const analysis: Analysis = {
        unitId: unit.id, schoolYear: year, period: year, status: y === 0 && u % 4 === 0 ? 'draft' : 'submitted', causes: 'Orsaker.',
        strengths: ['Trygghet'], areasToDevelop: [['Studiero', 'Formativ bedömning', 'Ledarskap'][u % 3] ?? 'Studiero'], measurementIds: [], goalIds: [], participants: [],
      };
      tasks.push(async () => {
        const stored = await store.create('analyses', analysis, actor);
        if (y === 0 && stored.fields.status === 'submitted' && u % 2 === 0) {
          await store.create('feedback', { unitId: unit.id, analysisId: stored.id, schoolYear: year, text: 'Återkoppling.', authorId: actor.actor, givenAt: '2026-02-01T10:00:00Z' }, actor);
        }
        for (let a = 0; a < 3; a++) {
          const action: Action = {
            title: `Åtgärd ${a + 1}`, unitId: unit.id, ownerId: owner, ownerName: 'Ägare', dueDate: `${Number(year.slice(0, 4)) + 1}-0${a + 3}-15`,
            status: a === 0 ? 'done' : 'planned', originKind: 'analysis', originId: stored.id, schoolYear: year, ...(a === 0 ? { evaluation: 'Bra.' } : {}),
          };
          await store.create('actions', action, actor);
        }
      });
    }
    tasks.push(() => store.create('meetings', { type: 'resultsConference', title: 'Resultatkonferens', unitId: unit.id, startsAt: '2025-11-10T13:00:00Z', schoolYear: years[0], participants: [], agenda: [] }, actor));
    if (u % 3 === 0) tasks.push(() => store.create('deficiencies', { title: 'Brist', unitId: unit.id, source: 'inspection', foundOn: '2025-09-01', status: 'open' }, actor));
  });
  await pool(tasks, seedConcurrency);
}

/** The naive way: per unit, one request per list (a unit's lists in parallel), every page followed. */
async function naiveRollup(store: Store<Entities>): Promise<number> {
  const [units, indicators] = await Promise.all([store.queryAll('units'), store.queryAll('indicators')]);
  let items = units.length + indicators.length;
  const perUnit = ['goals', 'measurements', 'analyses', 'actions', 'deficiencies', 'meetings', 'feedback'] as const;
  for (const unit of units) {
    const found = await Promise.all(perUnit.map((list): Promise<StoredItem<unknown>[]> => store.queryAll(list, { filter: [{ field: 'unitId', op: 'eq', value: unit.id }] })));
    items += found.reduce((sum, list) => sum + list.length, 0);
  }
  return items;
}

export async function run(): Promise<string[]> {
  const emulator = await startEmulator({ lists: allLists });
  let httpRequests = 0;
  const countingFetch: typeof fetch = (input, init) => {
    httpRequests++;
    return fetch(input, init);
  };
  try {
    const seeding = createGraphStore<Entities>({ baseUrl: emulator.baseUrl, siteId: emulator.siteId, lists, throttle: unlimited });
    await seed(seeding);
    const store = createGraphStore<Entities>({ baseUrl: emulator.baseUrl, siteId: emulator.siteId, lists, throttle: unlimited, fetch: countingFetch });
    const service = new RollupService((await startedMirror(store, store)).readModel, { now: () => new Date('2026-03-15T12:00:00Z') });
    await service.rollup(years[0]); // resolves the list ids before timing
    await naiveRollup(store);
    emulator.setFaults({ latencyMs });

    const fast: number[] = [];
    let fastHttp = 0;
    let fastEmulator = 0;
    let units = 0;
    for (let i = 0; i < rounds; i++) {
      const [http, counted] = [httpRequests, emulator.stats().requests];
      const { ms, result } = await time(() => service.rollup(years[0]));
      fast.push(ms);
      fastHttp = httpRequests - http;
      fastEmulator = emulator.stats().requests - counted;
      units = result.units.length;
    }
    if (units !== unitCount) throw new Error(`the roll-up saw ${units} units, expected ${unitCount}`);

    const [http, counted] = [httpRequests, emulator.stats().requests];
    const slow = await time(() => naiveRollup(store));
    const slowHttp = httpRequests - http;
    const slowEmulator = emulator.stats().requests - counted;

    const rollupMs = percentile(fast, 50);
    const baseline = `per-unit reads`;
    return [
      benchLine('organizer roll-up, 60 units × 3 school years, 100 ms per request', rollupMs, 'ms', slow.ms / rollupMs, `${baseline} (${slow.ms.toFixed(0)} ms)`),
      benchLine('organizer roll-up HTTP round trips', fastHttp, 'requests', slowHttp / Math.max(1, fastHttp), `${baseline} (${slowHttp} requests)`),
      benchLine('organizer roll-up Graph requests incl. inside $batch', fastEmulator, 'requests', slowEmulator / Math.max(1, fastEmulator), `${baseline} (${slowEmulator} requests)`),
    ];
  } finally {
    emulator.setFaults({ latencyMs: 0 });
    await emulator.close();
  }
}
