import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { allLists, lists, type Entities } from '../../lists/lists';
import { createGraphStore } from '../../store/graph-store';
import type { Store } from '../../store/port';
import { fixturePeople, seedFixture, type Fixture } from '../report/test-fixture';
import { RollupService } from '../rollup';
import { ImportService } from './import-service';

// The same import and roll-up over real HTTP: the lists emulator and the Graph store.
describe('imports and the roll-up over the Graph store', () => {
  let emulator: RunningEmulator;
  let store: Store<Entities>;
  let fixture: Fixture;

  beforeAll(async () => {
    emulator = await startEmulator({ lists: allLists });
    store = createGraphStore<Entities>({ baseUrl: emulator.baseUrl, siteId: emulator.siteId, lists, throttle: { resourceUnitsPerMinute: 1_000_000 } });
    fixture = await seedFixture(store);
  });

  afterAll(async () => {
    await emulator.close();
  });

  it('imports, finds the same file unchanged, and updates a value while clearing its groups', async () => {
    const importer = new ImportService(store);
    const file = 'kpi;ou;period;value;gender\nN15503;10000001;2026/27 VT;236,5;T\nN15503;10000001;2026/27 VT;240;K\nN15503;10000002;2026/27 VT;228;T\n';
    expect(await importer.commitImport(file, 'kolada', { actor: fixturePeople.admin })).toMatchObject({ created: 2 });
    expect(await importer.commitImport(file, 'kolada', { actor: fixturePeople.admin })).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const changed = 'kpi;ou;period;value\nN15503;10000001;2026/27 VT;237\n';
    expect(await importer.commitImport(changed, 'kolada', { actor: fixturePeople.admin })).toMatchObject({ updated: 1 });
    const stored = await store.queryAll('measurements', { filter: [{ field: 'schoolYear', op: 'eq', value: '2026/27' }] });
    const a = stored.find((m) => m.fields.unitId === fixture.units.a.id);
    expect(a?.fields.value).toBe(237);
    expect(a?.fields.groups ?? []).toEqual([]);
    expect(stored).toHaveLength(2);
  });

  it('pages through every list in batches when pages are small', async () => {
    const small = await new RollupService(store, { pageSize: 2, now: () => new Date('2026-03-15T12:00:00Z') }).rollup('2025/26');
    const whole = await new RollupService(store, { now: () => new Date('2026-03-15T12:00:00Z') }).rollup('2025/26');
    expect(small.units).toHaveLength(3);
    expect(small).toEqual(whole);
    expect(small.commonAreasToDevelop[0]).toMatchObject({ area: 'Studiero', count: 2 });
  });
});
