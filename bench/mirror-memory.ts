/**
 * Issue 15's memory target: the resident size of a server after its mirror's first enumeration,
 * at most 600 MB for the large municipality (`SEED=large`: 600 units, five school years, about
 * 265,000 items), in a server process of its own beside the emulator; and the heap each item
 * takes, set against the bytes it takes as Graph sends it.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator, type RunningEmulator } from '../src/emulator';
import { largeShape, seedLarge } from '../src/emulator/seed-large';
import { allLists, lists, mirroredLists, type Entities } from '../src/lists/lists';
import { createGraphStore } from '../src/store/graph-store';
import { benchLine } from './measure';

const targetMb = 600;

interface ChildReport {
  readonly before: NodeJS.MemoryUsage;
  readonly after: NodeJS.MemoryUsage;
  readonly enumeratedMs: number;
  readonly items: number;
}

function measureChild(emulator: RunningEmulator): Promise<ChildReport> {
  const here = dirname(fileURLToPath(import.meta.url));
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(here, '_mirror-memory-child.ts'), emulator.baseUrl, emulator.siteId], { cwd: join(here, '..'), stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the server did not finish its first enumeration within 5 minutes'));
    }, 300_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(output) as ChildReport);
      } catch {
        reject(new Error(`the server exited with ${String(code)}: ${output}`));
      }
    });
  });
}

/** Bytes per item as Graph sends them: the first delta page of each list, weighted by the list's size. */
async function wireBytesPerItem(emulator: RunningEmulator, items: number): Promise<number> {
  const store = createGraphStore<Entities>({ baseUrl: emulator.baseUrl, siteId: emulator.siteId, lists });
  let bytes = 0;
  for (const list of mirroredLists) {
    const site = `${emulator.baseUrl}/sites/${emulator.siteId}/lists/${encodeURIComponent(lists[list].definition.displayName)}/items`;
    const page = await (await fetch(`${site}/delta?$expand=fields&$top=1000`)).text();
    const sample = (JSON.parse(page) as { value: unknown[] }).value.length;
    if (sample > 0) bytes += (Buffer.byteLength(page) / sample) * (await store.queryAll(list, { top: 5_000 })).length;
  }
  return bytes / items;
}

export async function run(): Promise<string[]> {
  const emulator = await startEmulator({ lists: allLists });
  try {
    await seedLarge(createGraphStore<Entities>({ baseUrl: emulator.baseUrl, siteId: emulator.siteId, lists, throttle: { resourceUnitsPerMinute: 1_000_000_000 } }));
    const report = await measureChild(emulator);
    const mb = (bytes: number): number => bytes / 1024 / 1024;
    const perItem = (report.after.heapUsed - report.before.heapUsed) / report.items;
    const wire = await wireBytesPerItem(emulator, report.items);
    const name = `mirror memory, the large municipality (${largeShape.units} units, ${largeShape.years} school years, ${report.items} items)`;
    return [
      benchLine(`${name}: resident size after the first enumeration`, mb(report.after.rss), 'MB', targetMb / mb(report.after.rss), `the ${targetMb} MB target`),
      benchLine(`${name}: heap per item`, perItem, 'bytes', wire / perItem, `the item as Graph sends it (${wire.toFixed(0)} bytes)`),
      benchLine(`${name}: first enumeration`, report.enumeratedMs, 'ms', report.items / report.enumeratedMs, 'one item a millisecond'),
    ];
  } finally {
    await emulator.close();
  }
}
