import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { lists, type Entities } from '../../lists/lists';
import { RegisterUnavailableError, type SchoolUnitRegister } from '../../register/register';
import { fromDetailAnswer, fromListAnswer } from '../../register/school-units';
import { SchoolUnitDetailAnswerSchema, SchoolUnitListAnswerSchema } from '../../register/answers';
import { UnavailableError } from '../../store/errors';
import { createMemoryStore } from '../../store/memory-store';
import type { Store } from '../../store/port';
import type { Caller } from '../caller';
import { ForbiddenError, RuleError, UpstreamUnavailableError } from '../errors';
import { ImportFailedError } from '../import/import-service';
import { UnitAccess } from '../unit-access';
import { UnitImportService, registerClientKey } from './unit-import-service';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/skolverket-register/${name}`, import.meta.url), 'utf8');
const list = fixture('school-units-9961.json');
const details = fixture('school-unit-details-9961.json');

const admin: Caller = { userId: '0c000000-0000-4000-8000-000000000001', tenantId: 't', name: 'Anna', appRoles: ['Administration'], groups: [], groupsOverage: false, principalOfUnitIds: [] };
const principal: Caller = { ...admin, userId: '0c000000-0000-4000-8000-000000000002', appRoles: [] };

const fromFile = (json: string, more: object = {}) => ({ source: { kind: 'file' as const, json }, ...more });

/** The register as a test gives it: the fixtures, every request counted. */
function fakeRegister(): SchoolUnitRegister & { requests: string[] } {
  const listed = fromListAnswer(SchoolUnitListAnswerSchema.parse(JSON.parse(list)));
  const byCode = new Map((JSON.parse(details) as unknown[]).map((entry) => {
    const unit = fromDetailAnswer(SchoolUnitDetailAnswerSchema.parse(entry));
    return [unit.schoolUnitCode, unit];
  }));
  const requests: string[] = [];
  return {
    requests,
    schoolUnits: async (code) => {
      requests.push(`list ${code}`);
      return code === '9961' ? listed : [];
    },
    schoolUnit: async (code) => {
      requests.push(`unit ${code}`);
      const unit = byCode.get(code);
      if (!unit) throw new RegisterUnavailableError('answered 404');
      return unit;
    },
  };
}

describe('UnitImportService', () => {
  let store: Store<Entities>;
  let service: UnitImportService;

  beforeEach(() => {
    store = createMemoryStore(lists);
    service = new UnitImportService(store, new UnitAccess(store), { concurrency: 2 });
  });

  it('previews the register\'s details: 11 active units to create with their types, the closed and the planned skipped, nothing written', async () => {
    const preview = await service.preview(admin, fromFile(details));
    expect(preview.from).toBe('details');
    const byChange = (change: string) => preview.rows.filter((row) => row.change === change).map((row) => row.schoolUnitCode);
    expect(byChange('create')).toHaveLength(11);
    expect(preview.rows.filter((row) => row.change === 'skipped').map((row) => [row.name, row.reason])).toEqual([
      ['Gamla Kyrkskolan', 'notActive'], ['Norra Sjöviks skola F-6', 'notActive'],
    ]);
    expect(preview.rows.find((row) => row.schoolUnitCode === '81234508')).toMatchObject({ type: 'anpassadGymnasieskola', change: 'create' });
    expect(preview.rows.find((row) => row.schoolUnitCode === '81234509')).toMatchObject({ type: 'vuxenutbildning' });
    expect(await store.queryAll('units')).toEqual([]);
  });

  it('offers the dormant and the planned units when asked, never the closed one', async () => {
    const preview = await service.preview(admin, fromFile(details, { includeInactive: true }));
    expect(preview.rows.filter((row) => row.change === 'create')).toHaveLength(12);
    expect(preview.rows.find((row) => row.status === 'UPPHORT')).toMatchObject({ change: 'skipped', reason: 'notActive' });
  });

  it('commits, and a re-import updates names and types, adds new units and never duplicates one', async () => {
    const first = await service.commit(admin, fromFile(details));
    expect(first).toMatchObject({ created: 11, updated: 0, unchanged: 0 });
    const stored = await store.queryAll('units');
    expect(stored).toHaveLength(11);
    expect(stored.every((unit) => unit.fields.principalIds.length === 0 && unit.createdByUser === admin.userId)).toBe(true);

    const again = await service.commit(admin, fromFile(details));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 11 });

    const renamed = details.replace('"Hamnskolan F-6"', '"Hamnskolan F-9"').replaceAll('"schoolTypes": [\n          "GY"\n        ]', '"schoolTypes": [\n          "GYAN"\n        ]');
    const third = await service.commit(admin, fromFile(renamed, { includeInactive: true }));
    expect(third).toMatchObject({ created: 1, updated: 3, unchanged: 8 });
    const units = await store.queryAll('units');
    expect(units).toHaveLength(12);
    expect(new Set(units.map((unit) => unit.fields.schoolUnitCode)).size).toBe(12);
    expect(units.find((unit) => unit.fields.schoolUnitCode === '81234510')?.fields.name).toBe('Hamnskolan F-9');
    expect(units.filter((unit) => unit.fields.type === 'anpassadGymnasieskola')).toHaveLength(3);
  });

  it('lists the stored units the register lacks, and leaves them and the archived ones as they are', async () => {
    const own = await store.create('units', { name: 'Ekbackens förskola', type: 'förskola', schoolUnitCode: '70000001', principalIds: [] }, { actor: admin.userId });
    await service.commit(admin, fromFile(details));
    const strand = (await store.queryAll('units')).find((unit) => unit.fields.schoolUnitCode === '81234503');
    if (!strand) throw new Error('imported');
    const archived = await store.update('units', strand.id, { archivedAt: '2026-06-30T12:00:00Z' }, { actor: admin.userId, etag: strand.etag });
    const preview = await service.preview(admin, fromFile(details.replace('"Strandskolan F-9"', '"Strandskolan ny"')));
    expect(preview.missing).toEqual([{ unitId: own.id, name: 'Ekbackens förskola', schoolUnitCode: '70000001' }]);
    expect(preview.rows.find((row) => row.schoolUnitCode === '81234503')).toMatchObject({ change: 'skipped', reason: 'archived', unitId: strand.id });
    await service.commit(admin, fromFile(details));
    expect((await store.get('units', own.id)).etag).toBe(own.etag);
    expect((await store.get('units', strand.id)).etag).toBe(archived.etag);
  });

  it('refuses the new units of a list file when it cannot tell their type, and takes the type the administration chooses', async () => {
    const preview = await service.preview(admin, fromFile(list));
    expect(preview.from).toBe('list');
    expect(preview.rows.filter((row) => row.change === 'refused').map((row) => row.reason)).toEqual(Array(11).fill('noSchoolForm'));
    const refused = await service.commit(admin, fromFile(list)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RuleError);
    expect(refused).toMatchObject({ code: 'unitImportRefused', field: 'source' });
    expect(await store.queryAll('units')).toEqual([]);

    expect(await service.commit(admin, fromFile(list, { defaultType: 'grundskola' }))).toMatchObject({ created: 11 });
    // a re-import of the details corrects the types; a list file keeps the types the units have
    expect(await service.commit(admin, fromFile(details))).toMatchObject({ updated: 5, unchanged: 6 });
    expect(await service.commit(admin, fromFile(list))).toMatchObject({ created: 0, updated: 0, unchanged: 11 });
  });

  it('refuses a unit that is twice in one file, and a file that is not the register\'s', async () => {
    const twice = JSON.stringify([...(JSON.parse(details) as unknown[]).slice(0, 2), (JSON.parse(details) as unknown[])[0]]);
    const preview = await service.preview(admin, fromFile(twice));
    expect(preview.rows.filter((row) => row.change === 'refused')).toEqual([expect.objectContaining({ schoolUnitCode: '81234501', reason: 'duplicateInFile' })]);
    await expect(service.commit(admin, fromFile(twice))).rejects.toMatchObject({ code: 'unitImportRefused' });
    await expect(service.preview(admin, fromFile('{"x": 1}'))).rejects.toMatchObject({ code: 'invalidBody', field: 'source.json' });
    expect(await store.queryAll('units')).toEqual([]);
  });

  it('writes all or nothing: a write that fails undoes the ones before it', async () => {
    let creates = 0;
    const failing: Store<Entities> = {
      ...store,
      create: async (listKey, fields, options) => {
        if (listKey === 'units' && ++creates === 5) throw new UnavailableError('SharePoint is busy', 503);
        return store.create(listKey, fields, options);
      },
    };
    const importer = new UnitImportService(failing, new UnitAccess(failing), { concurrency: 1 });
    const error = await importer.commit(admin, fromFile(details)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFailedError);
    expect(await store.queryAll('units')).toEqual([]);
    // what was undone is written again by the next import, with the same client keys
    expect(await service.commit(admin, fromFile(details))).toMatchObject({ created: 11 });
    expect(registerClientKey('81234501')).toBe('register:81234501');
  });

  it('fetches a municipality from the register: the list, then the details of the units it offers', async () => {
    const register = fakeRegister();
    const fetching = new UnitImportService(store, new UnitAccess(store), { register, concurrency: 3 });
    expect(fetching.canFetch).toBe(true);
    const preview = await fetching.preview(admin, { source: { kind: 'municipality', municipalityCode: '9961' } });
    expect(preview.from).toBe('register');
    expect(preview.rows.filter((row) => row.change === 'create')).toHaveLength(11);
    expect(register.requests[0]).toBe('list 9961');
    // the closed and the planned units are not asked about
    expect(register.requests.filter((request) => request.startsWith('unit'))).toHaveLength(11);
    expect(await fetching.preview(admin, { source: { kind: 'municipality', municipalityCode: '0000' } })).toMatchObject({ rows: [] });
  });

  it('says when the register cannot be asked here, or does not answer', async () => {
    await expect(service.preview(admin, { source: { kind: 'municipality', municipalityCode: '9961' } })).rejects.toMatchObject({ code: 'registerNotConfigured' });
    const down: SchoolUnitRegister = { schoolUnits: async () => { throw new RegisterUnavailableError('no answer within 15000 ms'); }, schoolUnit: async () => { throw new RegisterUnavailableError('x'); } };
    const fetching = new UnitImportService(store, new UnitAccess(store), { register: down });
    await expect(fetching.preview(admin, { source: { kind: 'municipality', municipalityCode: '9961' } })).rejects.toBeInstanceOf(UpstreamUnavailableError);
  });

  it('is the administration\'s only', async () => {
    await expect(service.preview(principal, fromFile(details))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(service.commit(principal, fromFile(details))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await store.queryAll('units')).toEqual([]);
  });
});
