/**
 * Issue 15's memory target: the resident size of a server after its mirror's first enumeration,
 * at most 600 MB for the large municipality. Measured here on the largest municipality this
 * machine generates in under a minute (600 units, 30 indicators, one school year of results by
 * term and year, about 70,000 items), in a server process of its own; projected from its heap
 * bytes per item to the large one (about 360,000 items: five years by term and month), and set
 * against the bytes each item takes as Graph sends it.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { schoolYearOf, type Action, type Measurement, type Meeting } from '../src/domain';
import { startEmulator, type RunningEmulator } from '../src/emulator';
import { allLists, lists, mirroredLists, type Entities } from '../src/lists/lists';
import { createGraphStore } from '../src/store/graph-store';
import { benchLine } from './measure';
import { createAll } from './seed-batches';

const unitCount = 600;
const indicatorCount = 30;
const largeItems = 360_000;
const targetMb = 600;
const year = schoolYearOf(new Date());
const person = (n: number): string => `6d000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

async function municipality(emulator: RunningEmulator): Promise<void> {
  const types = ['grundskola', 'förskola', 'gymnasieskola', 'fritidshem', 'vuxenutbildning'] as const;
  const units = await createAll(emulator, 'units', Array.from({ length: unitCount }, (_, u) => ({
    name: `Skolenhet ${String(u + 1).padStart(3, '0')}`, type: types[u % types.length] ?? 'grundskola', schoolUnitCode: String(60_000_000 + u), principalIds: [person(u)],
  })));
  const indicators = await createAll(emulator, 'indicators', Array.from({ length: indicatorCount }, (_, i) => ({
    name: `Indikator ${i + 1}`, source: 'grades' as const, unitOfMeasure: 'percent' as const, direction: 'higherIsBetter' as const, target: 75,
  })));
  const measurements: Measurement[] = [];
  units.forEach((unitId, u) => indicators.forEach((indicatorId, i) => {
    for (const [p, period] of [`${year} HT`, `${year} VT`, year].entries()) {
      const value = 40 + ((u * 7 + i * 3 + p) % 55);
      measurements.push({ indicatorId, unitId, period, schoolYear: year, value, ...(p === 2 ? { groups: [{ group: 'Flickor', value: value + 2 }, { group: 'Pojkar', value: value - 2 }] } : {}) });
    }
  }));
  await createAll(emulator, 'measurements', measurements);
  const analyses = await createAll(emulator, 'analyses', units.map((unitId) => ({
    unitId, schoolYear: year, period: year, status: 'submitted' as const, causes: 'Undervisningen har utvecklats genom kollegialt lärande.', strengths: ['Trygghet', 'Studiero'],
    areasToDevelop: ['Formativ bedömning'], measurementIds: [], goalIds: [], participants: [],
  })));
  await createAll(emulator, 'goals', units.flatMap((unitId) => [1, 2].map((g) => ({ title: `Mål ${g}: alla elever når kunskapskraven`, level: 'unit' as const, unitId, schoolYear: year }))));
  const actions: Action[] = units.flatMap((unitId, u) => Array.from({ length: 10 }, (_, a) => ({
    title: `Åtgärd ${a + 1}`, description: 'Lärarna planerar lektioner tillsammans och följer upp varannan vecka.', unitId, ownerId: person(1_000 + u * 10 + a), ownerName: 'Personal',
    dueDate: `${year.slice(0, 4)}-1${a % 3}-1${a % 9}`, status: a % 4 === 0 ? 'done' as const : 'planned' as const, originKind: 'analysis' as const, originId: analyses[u] ?? '', schoolYear: year,
  })));
  await createAll(emulator, 'actions', actions);
  const meetingIds = await createAll(emulator, 'meetings', units.flatMap((unitId, u): Meeting[] => Array.from({ length: 4 }, (_, m) => ({
    type: 'resultsConference', title: `Resultatkonferens ${m + 1}`, unitId, startsAt: `${year.slice(0, 4)}-1${m % 3}-0${m + 1}T13:00:00Z`, schoolYear: year,
    participants: [{ role: 'principal', userId: person(u) }], agenda: [{ id: '1', title: 'Resultat' }, { id: '2', title: 'Analys' }],
  }))));
  const [template] = await createAll(emulator, 'followUpTemplates', [{ meetingType: 'resultsConference', version: 1, questions: [{ id: 'q1', sv: 'Vad lärde vi oss?', en: 'What did we learn?', kind: 'text' }] }]);
  await createAll(emulator, 'followUpResponses', meetingIds.flatMap((meetingId, m) => [0, 1].map((r) => ({
    meetingId, unitId: units[Math.floor(m / 4)] ?? '', templateId: template ?? '', templateVersion: 1, respondentId: person(5_000 + r), answers: [{ questionId: 'q1', text: 'Vi såg att studieron ökade.' }], answeredAt: '2026-01-10T10:00:00Z',
  }))));
  await createAll(emulator, 'yearWheel', units.map((unitId, u) => ({ title: 'Resultatkonferens', kind: 'resultsConference' as const, schoolYear: year, date: `${year.slice(0, 4)}-11-${String(1 + (u % 28)).padStart(2, '0')}`, unitId })));
  await createAll(emulator, 'feedback', units.map((unitId, u) => ({ unitId, analysisId: analyses[u] ?? '', schoolYear: year, text: 'Tack för en tydlig analys.', authorId: person(0), givenAt: '2026-02-01T10:00:00Z' })));
  await createAll(emulator, 'deficiencies', units.map((unitId) => ({ title: 'Brister i dokumentationen', unitId, source: 'inspection' as const, foundOn: `${year.slice(0, 4)}-09-01`, status: 'open' as const })));
}

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
    await municipality(emulator);
    const report = await measureChild(emulator);
    const mb = (bytes: number): number => bytes / 1024 / 1024;
    const perItem = (report.after.heapUsed - report.before.heapUsed) / report.items;
    const projected = mb(report.after.rss + perItem * (largeItems - report.items));
    const wire = await wireBytesPerItem(emulator, report.items);
    const name = `mirror memory, ${unitCount} units × ${indicatorCount} indicators, one school year (${report.items} items)`;
    return [
      benchLine(`${name}: resident size after the first enumeration`, mb(report.after.rss), 'MB', targetMb / mb(report.after.rss), `the ${targetMb} MB target`),
      benchLine(`${name}: heap per item`, perItem, 'bytes', wire / perItem, `the item as Graph sends it (${wire.toFixed(0)} bytes)`),
      benchLine(`mirror memory projected for the large municipality (${largeItems} items): resident size`, projected, 'MB', targetMb / projected, `the ${targetMb} MB target`),
      benchLine(`${name}: first enumeration`, report.enumeratedMs, 'ms', report.items / report.enumeratedMs, 'one item a millisecond'),
    ];
  } finally {
    await emulator.close();
  }
}
