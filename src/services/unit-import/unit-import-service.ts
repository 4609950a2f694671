/**
 * Importing units from Skolverket's school-unit register: a preview that says what would be
 * created, updated, left, skipped and refused (and which stored units the register lacks), and a
 * commit that writes all of it or nothing. Idempotent by skolenhetskod: a re-import updates names
 * and types and adds new units, never a second unit with one code (the list's unique column holds
 * it too), and it never removes or archives a unit on its own.
 */
import type { Entities } from '../../lists/lists';
import { readRegisterAnswer } from '../../register/read-answer';
import { RegisterUnavailableError, type SchoolUnitRegister } from '../../register/register';
import type { RegisterUnit } from '../../register/school-units';
import type { Store } from '../../store/port';
import type { Caller } from '../caller';
import { RuleError, UpstreamUnavailableError } from '../errors';
import { ImportFailedError } from '../import/import-service';
import { writeAllOrNothing, type ListWrite } from '../import/write-plan';
import type { UnitAccess } from '../unit-access';
import { isOffered, planUnitImport, type UnitImportOptions, type UnitImportPlan } from './plan';

/** Where the register's units come from: its JSON as a file, or the register itself, by municipality code. */
export type UnitImportSource =
  | { readonly kind: 'file'; readonly json: string }
  | { readonly kind: 'municipality'; readonly municipalityCode: string };

export type UnitImportRequest = UnitImportOptions & { readonly source: UnitImportSource };

export interface UnitImportPreview extends UnitImportPlan {
  /** what the units were read from: the register's list (names only), its details, or the register itself */
  readonly from: 'list' | 'details' | 'register';
}

export interface UnitImportResult {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly preview: UnitImportPreview;
}

export interface UnitImportServiceOptions {
  /** Skolverket's register, where the deployment may reach it */
  readonly register?: SchoolUnitRegister;
  /** the most units one import takes; default 2,000 (Stockholm has about 600) */
  readonly maxUnits?: number;
  /** register requests and writes in flight at once; default 4 */
  readonly concurrency?: number;
}

const registerName = 'Skolverkets skolenhetsregister';

/** The client key a unit from the register is created with: the same code never makes two units. */
export function registerClientKey(schoolUnitCode: string): string {
  return `register:${schoolUnitCode}`;
}

/** Runs `work` over `items`, at most `concurrency` at a time, in order. */
async function mapBounded<T, R>(items: readonly T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < items.length; index = next++) {
      const item = items[index];
      if (item !== undefined) results[index] = await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

export class UnitImportService {
  private readonly maxUnits: number;
  private readonly concurrency: number;

  constructor(private readonly store: Store<Entities>, private readonly access: UnitAccess, private readonly options: UnitImportServiceOptions = {}) {
    this.maxUnits = options.maxUnits ?? 2_000;
    this.concurrency = Math.max(1, options.concurrency ?? 4);
  }

  /** Whether units can be fetched from the register here (Microsoft 365 mode, or a register configured). */
  get canFetch(): boolean {
    return this.options.register !== undefined;
  }

  /** Reads the register's units and compares them with the stored ones. Writes nothing. */
  async preview(caller: Caller, request: UnitImportRequest): Promise<UnitImportPreview> {
    this.access.requireGlobal(caller, 'organizer.edit');
    const { units, from } = await this.read(request);
    return { ...planUnitImport(units, await this.store.queryAll('units'), request), from };
  }

  /**
   * Writes what the preview says, or nothing: refused units refuse the whole import (nothing is
   * stored), and a write that fails undoes the ones before it.
   */
  async commit(caller: Caller, request: UnitImportRequest): Promise<UnitImportResult> {
    const preview = await this.preview(caller, request);
    const refused = preview.rows.filter((row) => row.change === 'refused');
    if (refused.length > 0) {
      throw new RuleError('unitImportRefused', 'source',
        `${refused.length} enheter kan inte importeras (se förhandsvisningen); inget sparades`,
        `${refused.length} units cannot be imported (see the preview); nothing was stored`);
    }
    const stored = new Map((await this.store.queryAll('units')).map((unit) => [unit.id, unit]));
    const writes: ListWrite[] = [];
    for (const row of preview.rows) {
      if (row.change === 'create' && row.type !== undefined) {
        writes.push({ list: 'units', kind: 'create', clientKey: registerClientKey(row.schoolUnitCode), fields: { name: row.name, type: row.type, schoolUnitCode: row.schoolUnitCode, principalIds: [] } });
      }
      const before = row.unitId === undefined ? undefined : stored.get(row.unitId);
      if (row.change === 'update' && before && row.type !== undefined) writes.push({ list: 'units', kind: 'update', before, patch: { name: row.name, type: row.type } });
    }
    try {
      const outcome = await writeAllOrNothing(this.store, writes, { actor: caller.userId, concurrency: this.concurrency });
      if (outcome.failure !== undefined) throw new ImportFailedError(outcome.failure, outcome.leftBehind);
    } finally {
      this.access.forget();
    }
    const count = (change: string) => preview.rows.filter((row) => row.change === change).length;
    return { created: count('create'), updated: count('update'), unchanged: count('unchanged'), preview };
  }

  private async read(request: UnitImportRequest): Promise<{ units: RegisterUnit[]; from: UnitImportPreview['from'] }> {
    if (request.source.kind === 'file') {
      const reading = readRegisterAnswer(request.source.json, this.maxUnits);
      if (!reading.ok) throw new RuleError('invalidBody', 'source.json', reading.reason);
      return { units: reading.units, from: reading.from };
    }
    const register = this.options.register;
    if (!register) {
      throw new RuleError('registerNotConfigured', 'source',
        'hämtning från Skolverkets skolenhetsregister är inte påslagen här; välj registrets JSON som fil',
        'fetching from Skolverket\'s school-unit register is not turned on here; choose the register\'s JSON as a file');
    }
    const { municipalityCode } = request.source;
    try {
      const listed = await register.schoolUnits(municipalityCode);
      if (listed.length > this.maxUnits) throw new RuleError('invalidBody', 'source.municipalityCode', `registret har ${listed.length} enheter för kommunkoden; högst ${this.maxUnits} tas emot på en gång`);
      // only the units to offer need their school forms: one detail read each, a few at a time
      const units = await mapBounded(listed, this.concurrency, (unit) => (isOffered(unit, request) ? register.schoolUnit(unit.schoolUnitCode) : Promise.resolve(unit)));
      return { units, from: 'register' };
    } catch (error) {
      if (error instanceof RegisterUnavailableError) throw new UpstreamUnavailableError(registerName, error.reason);
      throw error;
    }
  }
}
