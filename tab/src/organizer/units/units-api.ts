import type { DirectoryGroups, DirectoryPeople, Setup, Unit, UnitImportPreview, UnitImportResult, UnitPage } from '../../../../src/contract';
import type * as domain from '../../../../src/domain';
import type { ApiClient } from '../../api/client';
import { newKey } from '../../api/url';

/** What a new unit needs; principals, staff group and Kolada id may follow. */
export type NewUnit = Pick<domain.Unit, 'name' | 'type' | 'schoolUnitCode'> & Partial<Pick<domain.Unit, 'principalIds' | 'staffGroupId' | 'koladaId'>>;
/** What the administration may change in a unit. */
export type UnitChanges = Partial<Pick<domain.Unit, 'name' | 'type' | 'schoolUnitCode' | 'principalIds' | 'staffGroupId' | 'koladaId'>>;

/** Where the register's units come from: its JSON as a file, or the register by municipality code. */
export type UnitImportSource = { kind: 'file'; json: string } | { kind: 'municipality'; municipalityCode: string };
export interface UnitImportRequest {
  source: UnitImportSource;
  defaultType?: domain.UnitType;
  includeInactive?: boolean;
}

/** The administration's calls for units, the directory, register imports and the set-up guide. */
export class UnitsApi {
  constructor(private readonly api: ApiClient) {}

  /** Every unit, the archived ones too. */
  units(): Promise<UnitPage> {
    return this.api.call('GET /units', {}, { query: { archived: 'include' } });
  }
  createUnit(unit: NewUnit): Promise<Unit> {
    return this.api.call('POST /units', {}, { body: unit, headers: { 'idempotency-key': newKey() } });
  }
  updateUnit(unit: Pick<Unit, 'id' | 'etag'>, changes: UnitChanges): Promise<Unit> {
    return this.api.call('PATCH /units/:unitId', { unitId: unit.id }, { body: changes, etag: unit.etag });
  }
  archive(unit: Pick<Unit, 'id' | 'etag'>): Promise<Unit> {
    return this.api.call('POST /units/:unitId/archive', { unitId: unit.id }, { etag: unit.etag });
  }
  restore(unit: Pick<Unit, 'id' | 'etag'>): Promise<Unit> {
    return this.api.call('POST /units/:unitId/restore', { unitId: unit.id }, { etag: unit.etag });
  }
  searchPeople(search: string): Promise<DirectoryPeople> {
    return this.api.call('GET /directory/people', {}, { query: { search } });
  }
  people(ids: readonly string[]): Promise<DirectoryPeople> {
    return this.api.call('GET /directory/people', {}, { query: { ids: ids.join(',') } });
  }
  searchGroups(search: string): Promise<DirectoryGroups> {
    return this.api.call('GET /directory/groups', {}, { query: { search } });
  }
  groups(ids: readonly string[]): Promise<DirectoryGroups> {
    return this.api.call('GET /directory/groups', {}, { query: { ids: ids.join(',') } });
  }
  previewImport(request: UnitImportRequest): Promise<UnitImportPreview> {
    return this.api.call('POST /organizer/unit-imports/preview', {}, { body: request });
  }
  commitImport(request: UnitImportRequest): Promise<UnitImportResult> {
    return this.api.call('POST /organizer/unit-imports', {}, { body: request });
  }
  setup(schoolYear?: string): Promise<Setup> {
    return this.api.call('GET /setup', {}, { query: { schoolYear } });
  }
}
