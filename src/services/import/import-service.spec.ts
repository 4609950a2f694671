import { beforeEach, describe, expect, it, vi } from 'vitest';
import { lists, type Entities } from '../../lists/lists';
import { UnavailableError } from '../../store/errors';
import { createMemoryStore, type MemoryStore } from '../../store/memory-store';
import type { Store } from '../../store/port';
import type { ReadModel } from '../../store/read-model';
import { startedMirror } from '../../store/test-kit';
import { fixturePeople, seedFixture, type Fixture } from '../report/test-fixture';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ImportBusyError, ImportRejectedError, ImportService, importClientKey } from './import-service';
import { countedLists, resultsAsSeen } from '../counted-results';
import { ImportWorker } from './import-worker';
import { paceBurst } from './import-pace';
import { createKoladaHttp, KoladaUnavailableError } from './kolada-api';

const actor = fixturePeople.admin;
const goodFile = [
  'kpi;ou;period;value;gender',
  'N15503;10000001;2027;236,5;T',
  'N15503;10000001;2027;240;K',
  'N15503;10000002;2027;228;T',
  'N15033;10000001;2027;6,5;T',
  'N15033;10000003;2027;..;T',
].join('\r\n');

/** A clock whose sleeps pass at once: the worker's pace is computed, never waited for. */
function fakeClock(start = Date.parse('2027-03-01T08:00:00Z')) {
  let now = start;
  return { now: () => now, sleep: async (ms: number) => { now += ms; }, advance: (ms: number) => { now += ms; } };
}

/** Kolada lines for the three fixture units and both indicators over `years` years from 2030. */
function manyRows(years: number): string {
  const lines = ['kpi;ou;period;value;gender'];
  for (let year = 2030; year < 2030 + years; year++) {
    for (const ou of ['10000001', '10000002', '10000003']) for (const kpi of ['N15503', 'N15033']) lines.push(`${kpi};${ou};${year};${(year % 97) + 100};T`);
  }
  return lines.join('\n');
}

async function measurementsOf(store: Store<Entities>, schoolYear: string) {
  return store.queryAll('measurements', { filter: [{ field: 'schoolYear', op: 'eq', value: schoolYear }] });
}

describe('ImportService', () => {
  let store: MemoryStore<Entities>;
  let views: ReadModel<Entities>;
  let fixture: Fixture;
  let service: ImportService;
  let writes: Store<Entities>;
  let worker: ImportWorker;
  let clock: ReturnType<typeof fakeClock>;

  /** Commits and lets the worker run the job to its end; answers the job as it ended. */
  async function committed(importer: ImportService, ...args: Parameters<ImportService['commitImport']>) {
    const job = await importer.commitImport(...args);
    expect(await worker.runNext()).toBe(true);
    return importer.importJob(job.id);
  }

  beforeEach(async () => {
    store = createMemoryStore<Entities>(lists);
    fixture = await seedFixture(store);
    const mirror = await startedMirror(store, store);
    views = mirror.readModel;
    writes = mirror.store;
    clock = fakeClock();
    service = new ImportService(mirror.store, views, { now: () => new Date(clock.now()) });
    worker = new ImportWorker(mirror.store, { unitsPerMinute: 1_000, clock });
  });

  it('previews a good file: rows matched to indicators and units, what would change, nothing written', async () => {
    const preview = await service.previewImport({ text: goodFile }, 'kolada');
    expect(preview.errors).toEqual([]);
    expect(preview.summary).toMatchObject({ kind: 'kolada', delimiter: ';', rows: 3, create: 3, update: 0, unchanged: 0, skipped: 1, units: 2, indicators: 2, schoolYears: ['2026/27'] });
    expect(preview.rows[0]).toMatchObject({ line: 2, indicatorName: 'Meritvärde åk 9', unitName: 'Alléskolan', value: 236.5, change: 'create', groups: [{ group: 'Flickor', value: 240 }] });
    expect(await measurementsOf(store, '2026/27')).toHaveLength(0);
  });

  it('commits a good file as a job the worker runs, with progress, and importing it again changes nothing', async () => {
    const queued = await service.commitImport({ text: goodFile }, 'kolada', { actor });
    expect(queued).toMatchObject({ state: 'queued', kind: 'kolada', total: 3, written: 0, created: 0 });
    expect(queued.estimatedEnd).toBeDefined();
    expect(await measurementsOf(store, '2026/27')).toHaveLength(0);
    expect(await worker.runNext()).toBe(true);
    const first = await service.importJob(queued.id);
    expect(first).toMatchObject({ state: 'done', total: 3, written: 3, created: 3, updated: 0, unchanged: 0 });
    expect(first.finishedAt).toBeDefined();
    expect(await worker.runNext()).toBe(false);
    const stored = await measurementsOf(store, '2026/27');
    expect(stored.map((m) => m.fields.value).sort()).toEqual([228, 236.5, 6.5]);
    expect(stored.every((m) => m.createdByUser === actor)).toBe(true);
    const etags = stored.map((m) => m.etag).sort();

    const again = await committed(service, { text: goodFile }, 'kolada', { actor });
    expect(again).toMatchObject({ state: 'done', created: 0, updated: 0, unchanged: 3 });
    const after = await measurementsOf(store, '2026/27');
    expect(after.map((m) => m.etag).sort()).toEqual(etags);
    expect((await service.recentImports()).map((job) => job.id)).toEqual([again.id, first.id]);
  });

  it('refuses a second import while one is queued, naming the one that runs', async () => {
    const queued = await service.commitImport({ text: goodFile }, 'kolada', { actor });
    const busy = await service.commitImport({ text: goodFile }, 'kolada', { actor }).catch((error: unknown) => error);
    expect(busy).toBeInstanceOf(ImportBusyError);
    expect((busy as ImportBusyError).running.id).toBe(queued.id);
    await worker.runNext();
    await expect(service.commitImport({ text: goodFile.replace('228;T', '229;T') }, 'kolada', { actor })).resolves.toMatchObject({ state: 'queued', total: 1 });
  });

  it('states the duration from the rows and the budget: 70,000 new results at 1,000 units a minute take 141 minutes', async () => {
    const preview = await service.previewImport({ text: goodFile }, 'kolada');
    expect(preview.summary.minutes).toBe(1);
    const { importMinutes, unitsPerRow } = await import('./import-pace');
    expect(importMinutes({ create: 70_000, update: 0 }, 1_000)).toBe(141);
    expect(unitsPerRow({ create: 70_000, update: 0 })).toBeCloseTo(2.0126, 3);
    expect(importMinutes({ create: 0, update: 0 }, 1_000)).toBe(0);
  });

  it('paces its writes at the budget: the worker spends no more than its units a minute', async () => {
    const slow = new ImportService(writes, views, { now: () => new Date(clock.now()), chunkRows: 20, unitsPerMinute: 100 });
    const paced = new ImportWorker(writes, { unitsPerMinute: 100, clock });
    const job = await slow.commitImport({ text: manyRows(20) }, 'kolada', { actor });
    const started = clock.now();
    await paced.runNext();
    const done = await slow.importJob(job.id);
    expect(done).toMatchObject({ state: 'done', written: 120, created: 120 });
    // the worker spends 120 writes of 2 units, for each of 6 chunks a read (1) and a checkpoint (2), and
    // 2 + 2 for the import's ResultImports item (created running, marked done): one $batch's worth at once,
    // then 100 a minute; the preview counted the staging (6 × 2) and the job's create and finish too
    const minutes = (clock.now() - started) / 60_000;
    expect(minutes).toBeCloseTo((120 * 2 + 6 * 3 + 4 - paceBurst) / 100, 5);
    expect((await slow.previewImport({ text: manyRows(21) }, 'kolada')).summary).toMatchObject({ create: 6, minutes: 1 });
  });

  it('resumes a job whose instance stopped mid-way from its checkpoint: nothing lost, nothing twice', async () => {
    const chunked = new ImportService(writes, views, { now: () => new Date(clock.now()), chunkRows: 20 });
    const job = await chunked.commitImport({ text: manyRows(20) }, 'kolada', { actor });
    // the first instance dies in its fourth $batch: the call never answers, its lease stays
    let batches = 0;
    const dying: Store<Entities> = {
      ...writes,
      createMany: async (list, entries, options) => {
        if (++batches === 4) {
          await writes.createMany(list, entries.slice(0, 7), options); // part of the batch arrived
          return new Promise(() => undefined);
        }
        return writes.createMany(list, entries, options);
      },
    };
    void new ImportWorker(dying, { unitsPerMinute: 1_000_000, clock, leaseMs: 60_000 }).runNext();
    await vi.waitFor(() => expect(batches).toBe(4));
    const midway = await chunked.importJob(job.id);
    expect(midway).toMatchObject({ state: 'running', written: 60 });
    const survivor = new ImportWorker(writes, { unitsPerMinute: 1_000_000, clock, leaseMs: 60_000 });
    expect(await survivor.runNext()).toBe(false); // the lease holds
    clock.advance(60_001);
    expect(await survivor.runNext()).toBe(true);
    expect(await chunked.importJob(job.id)).toMatchObject({ state: 'done', written: 120, created: 120 });
    const stored = await store.queryAll('measurements');
    const keys = stored.map((m) => importClientKey(m.fields));
    expect(new Set(keys).size).toBe(keys.length);
    expect(stored.filter((m) => Number(m.fields.period.slice(0, 4)) >= 2029)).toHaveLength(120);
  });

  it('matches results already stored by hand for the same indicator, unit and period', async () => {
    const preview = await service.previewImport({ text: 'kpi;ou;period;value\nN15503;10000001;2025/26;235\nN15503;10000002;2025/26;226' }, 'kolada');
    expect(preview.rows.map((r) => r.change)).toEqual(['unchanged', 'update']);
  });

  it('refuses a bad file with errors per row and stores nothing', async () => {
    const bad = `${goodFile}\r\nN15503;12345678;2027;1;T\r\nN15503;10000002;2027;abc;K`;
    const preview = await service.previewImport({ text: bad }, 'kolada');
    expect(preview.errors.map((e) => [e.line, e.field])).toEqual([[7, 'unit'], [8, 'value']]);
    const rejected = await service.commitImport({ text: bad }, 'kolada', { actor }).catch((error: unknown) => error);
    expect(rejected).toBeInstanceOf(ImportRejectedError);
    expect((rejected as ImportRejectedError).preview.errors).toHaveLength(2);
    expect(await measurementsOf(store, '2026/27')).toHaveLength(0);
  });

  it.each([
    ['a unit column', 'kpi;ou;period;value;gender\nN15503;20121212–1212;2027;236,5;T'],
    ['a column it would ignore', 'Skolenhetskod;Läsår;Elev;Meritvärde åk 9\n10000001;2026/27;19121212 1212;236,5'],
  ])('refuses a file with a personnummer in %s, names line and column, never echoes the number, and stores nothing', async (_where, file) => {
    const kind = file.startsWith('kpi') ? 'kolada' : 'skolverket';
    const preview = await service.previewImport({ text: file }, kind);
    expect(preview.errors).toEqual([{ line: 2, field: expect.stringMatching(/^kolumn \d$/), message: expect.stringContaining('personnummer') }]);
    expect(JSON.stringify(preview)).not.toMatch(/1212/);
    await expect(service.commitImport({ text: file }, kind, { actor, period: '2026/27' })).rejects.toBeInstanceOf(ImportRejectedError);
    expect(await measurementsOf(store, '2026/27')).toHaveLength(0);
  });

  it('reports an unclosed quote as an error of its line', async () => {
    const preview = await service.previewImport({ text: 'kpi;ou;period;value\nN15503;"10000001;2027;1\n' }, 'kolada');
    expect(preview.errors).toEqual([expect.objectContaining({ line: 2 })]);
  });

  it('undoes what it wrote when a write fails part way, and marks the job failed with its reason', async () => {
    await committed(service, { text: 'kpi;ou;period;value\nN15503;10000001;2027;200' }, 'kolada', { actor });
    const failing: Store<Entities> = {
      ...writes,
      update: async (list, id, patch, options) => {
        if (list === 'measurements') throw new UnavailableError('SharePoint is busy', 503);
        return writes.update(list, id, patch, options);
      },
    };
    const job = await service.commitImport({ text: goodFile }, 'kolada', { actor });
    const failingWorker = new ImportWorker(failing, { unitsPerMinute: 1_000, clock, maxAttempts: 2, retryMs: 1_000 });
    // unavailable after the store's own retries: released, due again later, then failed for good
    expect(await failingWorker.runNext()).toBe(true);
    expect(await service.importJob(job.id)).toMatchObject({ state: 'running', written: 0 });
    expect(await failingWorker.runNext()).toBe(false);
    clock.advance(1_000);
    expect(await failingWorker.runNext()).toBe(true);
    const failed = await service.importJob(job.id);
    expect(failed).toMatchObject({ state: 'failed', created: 0, updated: 0 });
    expect(failed.failure).toBe('Importen misslyckades: SharePoint svarade inte trots flera försök. Det som hann sparas togs bort igen.');
    const stored = await measurementsOf(store, '2026/27');
    // only what was there before: the update to 236,5 never landed, the created ones deleted
    expect(stored.map((m) => [m.fields.unitId, m.fields.value])).toEqual([[fixture.units.a.id, 200]]);
  });

  it('fails an update whose result someone changed after the preview, and restores what it wrote', async () => {
    await committed(service, { text: 'kpi;ou;period;value\nN15503;10000001;2027;200' }, 'kolada', { actor });
    const job = await service.commitImport({ text: goodFile }, 'kolada', { actor });
    const [mine] = (await measurementsOf(store, '2026/27')).filter((m) => m.fields.value === 200);
    await writes.update('measurements', mine?.id ?? '', { value: 210 }, { actor, etag: mine?.etag ?? '' });
    await worker.runNext();
    const failed = await service.importJob(job.id);
    expect(failed.state).toBe('failed');
    expect(failed.failure).toContain('ändrades av någon annan under importen');
    expect((await measurementsOf(store, '2026/27')).map((m) => m.fields.value)).toEqual([210]);
  });

  describe('all or nothing for users: an import counts once it is complete', () => {
    /** A promise and the function that settles it. */
    function gate() {
      let open = (): void => undefined;
      const opened = new Promise<void>((resolve) => { open = resolve; });
      return { opened, open };
    }
    /** The writes, held at the job's `n`th write (its claim is the first, then one checkpoint a chunk) until `go` opens. */
    function heldAt(n: number, go: Promise<void>, base: Store<Entities> = writes) {
      const reached = gate();
      let jobWrites = 0;
      const held: Store<Entities> = {
        ...base,
        update: async (list, id, patch, options) => {
          if (list === 'jobs' && ++jobWrites === n) {
            reached.open();
            await go;
          }
          return base.update(list, id, patch, options);
        },
      };
      return { held, reached: reached.opened };
    }
    /** The school year's results as every view counts them, after a round trip. */
    async function seen(schoolYear = '2026/27') {
      const view = await views.read(['measurements', ...countedLists]);
      return resultsAsSeen(view, view.where('measurements', 'schoolYear', schoolYear))
        .map((m) => [m.fields.unitId, m.fields.indicatorId, m.fields.value, m.fields.groups ?? []] as const)
        .sort((a, b) => a.join().localeCompare(b.join()));
    }
    async function stateOf(jobId: string) {
      const view = await views.read(countedLists);
      return view.all('resultImports').find((i) => i.fields.jobId === jobId)?.fields.state;
    }
    const before = () => [fixture.units.a.id, fixture.indicators.merit.id, 200, []] as const;

    it('shows the results as they were while it runs: what it changed at its value before, what it created not at all', async () => {
      await committed(service, { text: 'kpi;ou;period;value\nN15503;10000001;2027;200' }, 'kolada', { actor });
      expect(await seen()).toEqual([before()]);
      // one row a chunk: the change of 200 first, then a created result, then another
      const chunked = new ImportService(writes, views, { now: () => new Date(clock.now()), chunkRows: 1 });
      const job = await chunked.commitImport({ text: goodFile }, 'kolada', { actor });
      const go = gate();
      const { held, reached } = heldAt(3, go.opened);
      const running = new ImportWorker(held, { unitsPerMinute: 1_000_000, clock }).runNext();
      await reached;
      // two chunks are stored, the third not yet
      expect((await measurementsOf(store, '2026/27')).map((m) => m.fields.value).sort()).toEqual([228, 236.5]);
      expect(await stateOf(job.id)).toBe('running');
      expect(await seen()).toEqual([before()]);

      go.open();
      await running;
      expect(await chunked.importJob(job.id)).toMatchObject({ state: 'done', created: 2, updated: 1 });
      expect(await stateOf(job.id)).toBe('done');
      expect(await seen()).toEqual([
        [fixture.units.a.id, fixture.indicators.merit.id, 236.5, [{ group: 'Flickor', value: 240 }]],
        [fixture.units.a.id, fixture.indicators.absence.id, 6.5, []],
        [fixture.units.b.id, fixture.indicators.merit.id, 228, []],
      ].sort((a, b) => a.join().localeCompare(b.join())));
    });

    it('never counts a failed import, in between nor after, and a result its undo left behind is written again by the next import', async () => {
      await committed(service, { text: 'kpi;ou;period;value\nN15503;10000001;2027;200' }, 'kolada', { actor });
      const chunked = new ImportService(writes, views, { now: () => new Date(clock.now()), chunkRows: 1 });
      const job = await chunked.commitImport({ text: goodFile }, 'kolada', { actor });
      // the third chunk's create fails for good, and so does the undo's delete of the created result
      const failing: Store<Entities> = {
        ...writes,
        createMany: async (list, entries, options) => {
          if (list === 'measurements' && entries.some((e) => 'value' in e.fields && e.fields.value === 6.5)) throw new Error('the list refused the item');
          return writes.createMany(list, entries, options);
        },
        delete: async () => { throw new Error('the list refused the delete'); },
      };
      const go = gate();
      const { held, reached } = heldAt(3, go.opened, failing);
      const running = new ImportWorker(held, { unitsPerMinute: 1_000_000, clock }).runNext();
      await reached;
      expect(await seen()).toEqual([before()]);
      go.open();
      await running;
      const failed = await chunked.importJob(job.id);
      expect(failed).toMatchObject({ state: 'failed' });
      expect(failed.failure).toContain('1 resultat kunde inte tas bort igen');
      expect(await stateOf(job.id)).toBe('failed');
      // the created 228 is still stored, the change of 200 undone: users see what they saw before
      expect((await measurementsOf(store, '2026/27')).map((m) => m.fields.value).sort()).toEqual([200, 228]);
      expect(await seen()).toEqual([before()]);

      // the same file again: the result left behind is not "unchanged" (nobody sees it) but written, to count
      const preview = await service.previewImport({ text: goodFile }, 'kolada');
      expect(preview.rows.map((r) => [r.value, r.change, r.previousValue])).toEqual([[236.5, 'update', 200], [228, 'update', undefined], [6.5, 'create', undefined]]);
      expect(await committed(service, { text: goodFile }, 'kolada', { actor })).toMatchObject({ state: 'done', created: 1, updated: 2 });
      expect((await seen()).map((row) => row[2]).sort()).toEqual([228, 236.5, 6.5]);
    });
  });

  describe('the municipality\'s own values (Kolada\'s municipality data)', () => {
    // a unit's value and the municipality's, in one file: the municipality by its kommunkod
    const mixed = ['kpi;ou;municipality;period;value;gender', 'N15503;10000001;;2027;236,5;T', 'N15503;;1480;2027;229,1;T', 'N15503;;1480;2027;238;K'].join('\n');
    const municipalityResults = (schoolYear: string) => store.queryAll('municipalityResults', { filter: [{ field: 'schoolYear', op: 'eq', value: schoolYear }] });

    it('previews them as "Kommunen", writes them with the units\' results, and importing again changes nothing', async () => {
      const importer = new ImportService(writes, views, { municipalityCode: '1480' });
      const preview = await importer.previewImport({ text: mixed }, 'kolada');
      expect(preview.errors).toEqual([]);
      expect(preview.rows.map((r) => [r.line, r.unitName, r.value, r.change])).toEqual([[2, 'Alléskolan', 236.5, 'create'], [3, 'Kommunen', 229.1, 'create']]);
      expect(preview.summary).toMatchObject({ rows: 2, create: 2, units: 1 });
      expect(await municipalityResults('2026/27')).toHaveLength(0);

      const job = await committed(importer, { text: mixed }, 'kolada', { actor });
      expect(job).toMatchObject({ state: 'done', created: 2 });
      const stored = await municipalityResults('2026/27');
      expect(stored.map((r) => r.fields)).toEqual([{
        indicatorId: fixture.indicators.merit.id, municipalityId: '1480', period: '2026/27', schoolYear: '2026/27', value: 229.1,
        groups: [{ group: 'Flickor', value: 238 }], source: 'kolada', importId: job.id,
      }]);
      expect(stored[0]?.createdByUser).toBe(actor);
      expect((await measurementsOf(store, '2026/27')).map((m) => m.fields.value)).toEqual([236.5]);

      expect(await committed(importer, { text: mixed }, 'kolada', { actor })).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
      const changed = await committed(importer, { text: mixed.replace('229,1', '230') }, 'kolada', { actor });
      expect(changed).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
      expect((await municipalityResults('2026/27')).map((r) => r.fields.value)).toEqual([230]);
    });

    it('refuses another municipality\'s value naming its line, and writes nothing of the file', async () => {
      const importer = new ImportService(writes, views, { municipalityCode: '9999' });
      const error = await importer.commitImport({ text: mixed }, 'kolada', { actor }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportRejectedError);
      expect((error as ImportRejectedError).preview.errors.map((e) => [e.line, e.field])).toEqual([[3, 'municipality'], [4, 'municipality']]);
      expect(await measurementsOf(store, '2026/27')).toHaveLength(0);
      expect(await municipalityResults('2026/27')).toHaveLength(0);
    });

    it('undoes the units\' results when the municipality\'s write fails', async () => {
      const failing: Store<Entities> = {
        ...writes,
        createMany: async (list, entries, options) => {
          if (list === 'municipalityResults') throw new UnavailableError('SharePoint is busy', 503);
          return writes.createMany(list, entries, options);
        },
      };
      const importer = new ImportService(writes, views, { municipalityCode: '1480', now: () => new Date(clock.now()) });
      const job = await importer.commitImport({ text: mixed }, 'kolada', { actor });
      await new ImportWorker(failing, { unitsPerMinute: 1_000, clock, maxAttempts: 1 }).runNext();
      expect(await importer.importJob(job.id)).toMatchObject({ state: 'failed', failure: expect.stringContaining('Det som hann sparas togs bort igen.') });
      expect(await measurementsOf(store, '2026/27')).toHaveLength(0);
      expect(await municipalityResults('2026/27')).toHaveLength(0);
    });
  });

  it('reads a Skolverket export', async () => {
    const file = 'Skolenhetskod;Skolenhet;Läsår;Meritvärde åk 9;Frånvaro\n10000001;Alléskolan;2026/27;241,0;7,5\n10000002;Backaskolan;2026/27;.;9';
    expect((await service.previewImport({ text: file }, 'skolverket')).summary.skipped).toBe(1);
    const result = await committed(service, { text: file }, 'skolverket', { actor });
    expect(result).toMatchObject({ created: 3 });
    const stored = await measurementsOf(store, '2026/27');
    expect(stored.map((m) => m.fields.value).sort((a, b) => a - b)).toEqual([7.5, 9, 241]);
  });

  it('keys every row by indicator, unit and period', () => {
    expect(importClientKey({ indicatorId: '4', unitId: '2', period: '2024/25 VT' })).toBe('import:4:2:2024/25 VT');
  });

  it('fetches a KPI for the units with a Kolada id from Kolada, and imports it like the file', async () => {
    const asked: string[] = [];
    const kolada = createServer((req, res) => {
      asked.push(req.url ?? '');
      res.end(JSON.stringify({ count: 1, values: [{ kpi: 'N15503', ou: 'V15E001000101', period: 2027, values: [
        { count: 1, gender: 'T', status: '', value: 236.5 }, { count: 1, gender: 'K', status: '', value: 240 }, { count: 1, gender: 'M', status: '', value: null }] }] }));
    }).listen(0, '127.0.0.1');
    try {
      await new Promise((resolve) => kolada.once('listening', resolve));
      const baseUrl = `http://127.0.0.1:${(kolada.address() as AddressInfo).port}`;
      const unit = await writes.get('units', fixture.units.a.id);
      await writes.update('units', unit.id, { koladaId: 'V15E001000101' }, { actor, etag: unit.etag });
      const importer = new ImportService(writes, views, { kolada: createKoladaHttp({ baseUrl }) });
      expect((await importer.previewImport(await importer.fetchKolada({ kpi: 'N15503', year: 2027 }), 'kolada')).summary).toMatchObject({ format: 'json', skipped: 1 });
      asked.length = 0;
      const file = await importer.fetchKolada({ kpi: 'N15503', year: 2027 });
      expect(asked).toEqual(['/v2/oudata/kpi/N15503/ou/V15E001000101/year/2027']);
      const result = await committed(importer, file, 'kolada', { actor });
      expect(result).toMatchObject({ created: 1 });
      const stored = await measurementsOf(store, '2026/27');
      expect(stored.map((m) => [m.fields.unitId, m.fields.value, m.fields.groups])).toEqual([[fixture.units.a.id, 236.5, [{ group: 'Flickor', value: 240 }]]]);
    } finally {
      await new Promise((resolve) => kolada.close(resolve));
    }
  });

  it('says where Kolada cannot be fetched from: files only', async () => {
    await expect(service.fetchKolada({ kpi: 'N15503', year: 2027 })).rejects.toBeInstanceOf(KoladaUnavailableError);
  });
});
