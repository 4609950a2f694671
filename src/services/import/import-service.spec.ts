import { beforeEach, describe, expect, it } from 'vitest';
import { lists, type Entities } from '../../lists/lists';
import { UnavailableError } from '../../store/errors';
import { createMemoryStore, type MemoryStore } from '../../store/memory-store';
import type { Store } from '../../store/port';
import type { ReadModel } from '../../store/read-model';
import { startedMirror } from '../../store/test-kit';
import { fixturePeople, seedFixture, type Fixture } from '../report/test-fixture';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ImportFailedError, ImportRejectedError, ImportService, importClientKey } from './import-service';
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

async function measurementsOf(store: Store<Entities>, schoolYear: string) {
  return store.queryAll('measurements', { filter: [{ field: 'schoolYear', op: 'eq', value: schoolYear }] });
}

describe('ImportService', () => {
  let store: MemoryStore<Entities>;
  let views: ReadModel<Entities>;
  let fixture: Fixture;
  let service: ImportService;
  let writes: Store<Entities>;

  beforeEach(async () => {
    store = createMemoryStore<Entities>(lists);
    fixture = await seedFixture(store);
    const mirror = await startedMirror(store, store);
    views = mirror.readModel;
    writes = mirror.store;
    service = new ImportService(mirror.store, views, { concurrency: 2 });
  });

  it('previews a good file: rows matched to indicators and units, what would change, nothing written', async () => {
    const preview = await service.previewImport({ text: goodFile }, 'kolada');
    expect(preview.errors).toEqual([]);
    expect(preview.summary).toMatchObject({ kind: 'kolada', delimiter: ';', rows: 3, create: 3, update: 0, unchanged: 0, skipped: 1, units: 2, indicators: 2, schoolYears: ['2026/27'] });
    expect(preview.rows[0]).toMatchObject({ line: 2, indicatorName: 'Meritvärde åk 9', unitName: 'Alléskolan', value: 236.5, change: 'create', groups: [{ group: 'Flickor', value: 240 }] });
    expect(await measurementsOf(store, '2026/27')).toHaveLength(0);
  });

  it('commits a good file, with progress, and importing it again changes nothing', async () => {
    const progress: [number, number][] = [];
    const first = await service.commitImport({ text: goodFile }, 'kolada', { actor, onProgress: (done, total) => progress.push([done, total]) });
    expect(first).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    expect(progress[0]).toEqual([0, 3]);
    expect(progress[progress.length - 1]).toEqual([3, 3]);
    const stored = await measurementsOf(store, '2026/27');
    expect(stored.map((m) => m.fields.value).sort()).toEqual([228, 236.5, 6.5]);
    expect(stored.every((m) => m.createdByUser === actor)).toBe(true);
    const etags = stored.map((m) => m.etag).sort();

    const again = await service.commitImport({ text: goodFile }, 'kolada', { actor });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    const after = await measurementsOf(store, '2026/27');
    expect(after.map((m) => m.etag).sort()).toEqual(etags);
  });

  it('updates a changed value in place, with its eTag, and leaves the rest alone', async () => {
    await service.commitImport({ text: goodFile }, 'kolada', { actor });
    const changed = goodFile.replace('228;T', '229,5;T');
    const preview = await service.previewImport({ text: changed }, 'kolada');
    expect(preview.summary).toMatchObject({ create: 0, update: 1, unchanged: 2 });
    expect(preview.rows.find((r) => r.change === 'update')).toMatchObject({ previousValue: 228, value: 229.5 });
    await service.commitImport({ text: changed }, 'kolada', { actor });
    const stored = await measurementsOf(store, '2026/27');
    expect(stored).toHaveLength(3);
    expect(stored.find((m) => m.fields.unitId === fixture.units.b.id)?.fields.value).toBe(229.5);
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

  it('undoes what it wrote when a write fails part way, so nothing half-stored remains', async () => {
    await service.commitImport({ text: 'kpi;ou;period;value\nN15503;10000001;2027;200' }, 'kolada', { actor });
    let creates = 0;
    const failing: Store<Entities> = {
      ...store,
      create: async (list, fields, options) => {
        if (++creates === 2) throw new UnavailableError('SharePoint is busy', 503);
        return store.create(list, fields, options);
      },
    };
    const importer = new ImportService(failing, views, { concurrency: 1 });
    const error = await importer.commitImport({ text: goodFile }, 'kolada', { actor }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFailedError);
    expect((error as ImportFailedError).leftBehind).toEqual([]);
    const stored = await measurementsOf(store, '2026/27');
    // only what was there before: the update to 236,5 was restored, the created one deleted
    expect(stored.map((m) => [m.fields.unitId, m.fields.value])).toEqual([[fixture.units.a.id, 200]]);
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

      expect(await importer.commitImport({ text: mixed }, 'kolada', { actor })).toMatchObject({ created: 2 });
      const stored = await municipalityResults('2026/27');
      expect(stored.map((r) => r.fields)).toEqual([{
        indicatorId: fixture.indicators.merit.id, municipalityId: '1480', period: '2026/27', schoolYear: '2026/27', value: 229.1,
        groups: [{ group: 'Flickor', value: 238 }], source: 'kolada',
      }]);
      expect(stored[0]?.createdByUser).toBe(actor);
      expect((await measurementsOf(store, '2026/27')).map((m) => m.fields.value)).toEqual([236.5]);

      expect(await importer.commitImport({ text: mixed }, 'kolada', { actor })).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
      const changed = await importer.commitImport({ text: mixed.replace('229,1', '230') }, 'kolada', { actor });
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
        ...store,
        create: async (list, fields, options) => {
          if (list === 'municipalityResults') throw new UnavailableError('SharePoint is busy', 503);
          return store.create(list, fields, options);
        },
      };
      const importer = new ImportService(failing, views, { concurrency: 1, municipalityCode: '1480' });
      const error = await importer.commitImport({ text: mixed }, 'kolada', { actor }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportFailedError);
      expect((error as ImportFailedError).leftBehind).toEqual([]);
      expect(await measurementsOf(store, '2026/27')).toHaveLength(0);
      expect(await municipalityResults('2026/27')).toHaveLength(0);
    });
  });

  it('reads a Skolverket export', async () => {
    const file = 'Skolenhetskod;Skolenhet;Läsår;Meritvärde åk 9;Frånvaro\n10000001;Alléskolan;2026/27;241,0;7,5\n10000002;Backaskolan;2026/27;.;9';
    const result = await service.commitImport({ text: file }, 'skolverket', { actor });
    expect(result).toMatchObject({ created: 3 });
    expect(result.preview.summary.skipped).toBe(1);
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
      const file = await importer.fetchKolada({ kpi: 'N15503', year: 2027 });
      expect(asked).toEqual(['/v2/oudata/kpi/N15503/ou/V15E001000101/year/2027']);
      const result = await importer.commitImport(file, 'kolada', { actor });
      expect(result).toMatchObject({ created: 1 });
      expect(result.preview.summary).toMatchObject({ format: 'json', skipped: 1 });
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
