/**
 * Seeding for the benchmarks: items created through the emulator's Graph API with the store's
 * `createMany` (`$batch`es, several in flight, a client key each). A benchmark's seed is
 * thousands of items; one POST each would take longer than what is measured.
 */
import type { RunningEmulator } from '../src/emulator';
import { lists, type Entities } from '../src/lists/lists';
import { createGraphStore } from '../src/store/graph-store';

const actor = '1a000000-0000-4000-8000-000000000001';

/** Creates items in one list; answers their ids in the order of `items`. */
export async function createAll<K extends keyof Entities & string>(emulator: Pick<RunningEmulator, 'baseUrl' | 'siteId'>, list: K, items: readonly Entities[K][], keyPrefix = list): Promise<string[]> {
  const store = createGraphStore<Entities>({ baseUrl: emulator.baseUrl, siteId: emulator.siteId, lists, throttle: { resourceUnitsPerMinute: 1_000_000_000 } });
  const created = await store.createMany(list, items.map((fields, n) => ({ fields, clientKey: `${keyPrefix}:${n}` })), { actor });
  return created.map((item) => item.id);
}
