import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Goal, Unit } from '../domain';
import { lists, type Entities } from '../lists/lists';
import { createMemoryStore } from './memory-store';
import { inReadOrder, type Store, type StoredItem } from './port';
import { readAllPages } from './read-all-pages';
import { countingReads } from './test-kit';

const actor = { actor: '0c000000-0000-4000-8000-000000000001' };

describe('readAllPages', () => {
  it('follows next pages and splits more than 20 reads into parallel batches', async () => {
    const memory = createMemoryStore(lists);
    for (let i = 0; i < 5; i++) await memory.create('units', { name: `Enhet ${i}`, type: 'förskola', schoolUnitCode: `2000000${i}`, principalIds: [] }, actor);
    const counted = countingReads<Entities>(memory);
    const reads = Array.from({ length: 23 }, () => ({ list: 'units' as const, query: { top: 2 } }));
    const found = await readAllPages(counted.store, reads);
    expect(found).toHaveLength(23);
    for (const items of found) expect(items.map((u) => u.fields.name)).toEqual(['Enhet 0', 'Enhet 1', 'Enhet 2', 'Enhet 3', 'Enhet 4']);
    // three rounds of pages (2 + 2 + 1 items), each as one batch of 20 and one of 3
    expect(counted.calls).toEqual([20, 3, 20, 3, 20, 3]);
  });

  it('reads a group of queries of one list as one, in one batch with the single reads', async () => {
    const memory = createMemoryStore(lists);
    const a = await memory.create('units', { name: 'A', type: 'förskola', schoolUnitCode: '20000001', principalIds: [] }, actor);
    const b = await memory.create('units', { name: 'B', type: 'grundskola', schoolUnitCode: '20000002', principalIds: [] }, actor);
    await memory.create('goals', { title: 'Mål A', level: 'unit', unitId: a.id, schoolYear: '2025/26' }, actor);
    await memory.create('goals', { title: 'Mål B', level: 'unit', unitId: b.id, schoolYear: '2024/25' }, actor);
    const counted = countingReads<Entities>(memory);
    const ofYear = (year: string) => ({ list: 'goals' as const, query: { filter: [{ field: 'schoolYear', op: 'eq' as const, value: year }] } });
    const [units, goals] = await readAllPages(counted.store, [{ list: 'units', query: {} }, [ofYear('2025/26'), ofYear('2024/25')]]);
    expectTypeOf(units).toEqualTypeOf<StoredItem<Unit>[]>();
    expectTypeOf(goals).toEqualTypeOf<StoredItem<Goal>[]>();
    expect(units.map((u) => u.fields.schoolUnitCode)).toEqual(['20000001', '20000002']);
    expect(goals.map((g) => g.fields.title)).toEqual(['Mål A', 'Mål B']);
    expect(counted.calls).toEqual([3]);
  });

  it('stops a store that never stops paging', async () => {
    const endless: Store<Entities> = {
      ...createMemoryStore(lists),
      readMany: async (reads) => inReadOrder(reads, reads.map(() => ({ page: { items: [], nextPageToken: 'again' } }))),
    };
    await expect(readAllPages(endless, [{ list: 'units', query: {} }], { maxRounds: 3 })).rejects.toThrow(/3 rounds/);
  });
});
