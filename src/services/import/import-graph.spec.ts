import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { allLists, lists, type Entities } from '../../lists/lists';
import { createGraphStore, type GraphStore } from '../../store/graph-store';
import type { MirroredStore } from '../../store/mirror';
import { startedMirror } from '../../store/test-kit';
import { fixturePeople, seedFixture, type Fixture } from '../report/test-fixture';
import { RollupService } from '../rollup';
import { ImportService } from './import-service';
import { ImportWorker } from './import-worker';

// The same import and roll-up over real HTTP: the lists emulator and the Graph store.
describe('imports and the roll-up over the Graph store', () => {
  let emulator: RunningEmulator;
  let graph: GraphStore<Entities>;
  let mirror: MirroredStore<Entities>;
  let fixture: Fixture;
  const graphStore = (more: { changesPageSize?: number } = {}) =>
    createGraphStore<Entities>({ baseUrl: emulator.baseUrl, siteId: emulator.siteId, lists, throttle: { resourceUnitsPerMinute: 1_000_000 }, ...more });

  beforeAll(async () => {
    emulator = await startEmulator({ lists: allLists });
    graph = graphStore();
    fixture = await seedFixture(graph);
    mirror = await startedMirror(graph, graph);
  });

  afterAll(async () => {
    await emulator.close();
  });

  it('imports, finds the same file unchanged, and updates a value while clearing its groups', async () => {
    const importer = new ImportService(mirror.store, mirror.readModel);
    const worker = new ImportWorker(mirror.store, { unitsPerMinute: importer.unitsPerMinute });
    // each commit is a job in the Jobs list (its rows in a chunk item), which the worker runs to its end
    const commit = async (text: string) => {
      const queued = await importer.commitImport({ text }, 'kolada', { actor: fixturePeople.admin });
      expect(await worker.runNext()).toBe(true);
      return importer.importJob(queued.id);
    };    const file = 'kpi;ou;period;value;gender\nN15503;10000001;2026/27 VT;236,5;T\nN15503;10000001;2026/27 VT;240;K\nN15503;10000002;2026/27 VT;228;T\n';
    expect(await commit(file)).toMatchObject({ state: 'done', created: 2 });
    expect(await commit(file)).toMatchObject({ state: 'done', created: 0, updated: 0, unchanged: 2 });
    const changed = 'kpi;ou;period;value\nN15503;10000001;2026/27 VT;237\n';
    expect(await commit(changed)).toMatchObject({ state: 'done', updated: 1 });
    const stored = await graph.queryAll('measurements', { filter: [{ field: 'schoolYear', op: 'eq', value: '2026/27' }] });
    const a = stored.find((m) => m.fields.unitId === fixture.units.a.id);
    expect(a?.fields.value).toBe(237);
    expect(a?.fields.groups ?? []).toEqual([]);
    expect(stored).toHaveLength(2);
  });

  it('pages through every list\'s changes when pages are small, to the same roll-up', async () => {
    const paged = graphStore({ changesPageSize: 2 });
    const small = await new RollupService((await startedMirror(paged, paged)).readModel, { now: () => new Date('2026-03-15T12:00:00Z') }).rollup('2025/26');
    const whole = await new RollupService(mirror.readModel, { now: () => new Date('2026-03-15T12:00:00Z') }).rollup('2025/26');
    expect(small.units).toHaveLength(3);
    expect(small).toEqual(whole);
    expect(small.commonAreasToDevelop[0]).toMatchObject({ area: 'Studiero', count: 2 });
  });
});
