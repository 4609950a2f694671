/**
 * Issue 15's large municipality (`SEED=large`): how long its generation takes through the
 * emulator's Graph API, as `npm start` runs it (the emulator's data on disk), against the two
 * minutes it may take; and its rate against writing the same items one create at a time, as the
 * demo seed does (a slice of them, measured in the same process).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PERSONA_USER_IDS } from '../src/auth/personas';
import { startEmulator } from '../src/emulator';
import { largeShape, seedLarge } from '../src/emulator/seed-large';
import { allLists, lists, type Entities } from '../src/lists/lists';
import { createGraphStore } from '../src/store/graph-store';
import { benchLine, time } from './measure';

const targetSeconds = 120;
const sliceSize = 2_000;

async function onDisk<T>(work: (store: ReturnType<typeof createGraphStore<Entities>>) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'kvh-seed-'));
  const emulator = await startEmulator({ lists: allLists, dataDir: dir });
  try {
    return await work(createGraphStore<Entities>({ baseUrl: emulator.baseUrl, siteId: emulator.siteId, lists, throttle: { resourceUnitsPerMinute: 1_000_000_000 } }));
  } finally {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<string[]> {
  const today = new Date();
  const one = await onDisk(async (store) => (await time(async () => {
    for (let n = 0; n < sliceSize; n++) {
      await store.create('measurements', { indicatorId: '1', unitId: '1', period: '2025/26 HT', schoolYear: '2025/26', value: n % 100 }, { actor: PERSONA_USER_IDS.admin, clientKey: `slice:${n}` });
    }
  })).ms);
  const large = await onDisk(async (store) => time(() => seedLarge(store, { today })));
  const seconds = large.ms / 1000;
  const rate = large.result.items / seconds;
  const name = `large municipality (${largeShape.units} units, ${largeShape.years} school years, ${large.result.items} items)`;
  return [
    benchLine(`${name}: generation through the emulator's Graph API, on disk`, seconds, 's', targetSeconds / seconds, `the ${targetSeconds} s target`),
    benchLine(`${name}: items written a second`, rate, 'items/s', rate / (sliceSize / (one / 1000)), `one create at a time (${(sliceSize / (one / 1000)).toFixed(0)} items/s over ${sliceSize})`),
  ];
}
