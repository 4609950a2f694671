/**
 * Importing results: a preview that reads the file, matches every row to an indicator and a unit,
 * checks it with the domain's MeasurementSchema and says what committing would change; and a
 * commit that is all or nothing.
 */
import type { Measurement, MunicipalityResult, SchoolYear } from '../../domain';
import type { Entities } from '../../lists/lists';
import type { Store, StoredItem } from '../../store/port';
import type { ReadModel } from '../../store/read-model';
import { RuleError, ServiceError } from '../errors';
import { refused } from './check';
import { readKolada, readKoladaRows } from './kolada';
import { KoladaUnavailableError, type KoladaApi } from './kolada-api';
import { createLookup } from './lookup';
import { personalIdentityErrors } from './personal-data';
import { readSkolverket } from './skolverket';
import { readFile, type ImportFile } from './source';
import type { Candidate, ImportKind, ImportPreview, ImportProgress, ImportRow, MunicipalityCandidate, ReadResult, RowChange } from './types';
import { writeAllOrNothing, type ListWrite } from './write-plan';

type MeasurementItem = StoredItem<Measurement>;
type MunicipalityResultItem = StoredItem<MunicipalityResult>;

/** What a preview's rows stand for in the store: a unit's measurement, or a municipality result. */
type Existing = { readonly list: 'measurements'; readonly item: MeasurementItem } | { readonly list: 'municipalityResults'; readonly item: MunicipalityResultItem };

/** The name a municipality's own value has in the preview. */
export const municipalityRowName = 'Kommunen';

export interface ImportServiceOptions {
  /** writes in flight at once; default 4 (SharePoint throttles bursts) */
  readonly concurrency?: number;
  /** Kolada's open API, where the server reaches it (Microsoft 365 mode); without it, files only */
  readonly kolada?: KoladaApi;
  /** this municipality's kommunkod: Kolada's values for the municipality as a whole are taken for it only */
  readonly municipalityCode?: string;
}

/** What to fetch from Kolada: a KPI for the municipality's units in a year (Kolada's year). */
export interface KoladaRequest {
  readonly kpi: string;
  readonly year: number;
}

export interface PreviewOptions {
  /** for Skolverket files without a Läsår column: "2024/25" or a year */
  readonly period?: string;
}

export interface CommitOptions extends PreviewOptions {
  /** the Entra object id of the importing user, recorded on every write */
  readonly actor: string;
  readonly onProgress?: ImportProgress;
}

export interface CommitResult {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly preview: ImportPreview;
}

/** The file has errors: nothing was written. `preview.errors` says what, row by row. */
export class ImportRejectedError extends ServiceError {
  override readonly name = 'ImportRejectedError';
  constructor(readonly preview: ImportPreview) {
    super(`the import has ${preview.errors.length} errors; nothing was written`);
  }
}

/**
 * A write failed part way. What this import had written was undone; `leftBehind` names the items
 * that could not be undone (empty when the store is as it was).
 */
export class ImportFailedError extends ServiceError {
  override readonly name = 'ImportFailedError';
  constructor(readonly reason: unknown, readonly leftBehind: readonly string[]) {
    super(`the import failed and was undone${leftBehind.length > 0 ? `, except ${leftBehind.join(', ')}` : ''}: ${reason instanceof Error ? reason.message : String(reason)}`);
  }
}

/** The key a row of an import is written under: importing the same row twice finds the first. */
export function importClientKey(candidate: Pick<Candidate, 'indicatorId' | 'unitId' | 'period'>): string {
  return `import:${candidate.indicatorId}:${candidate.unitId}:${candidate.period}`;
}

/** The key of the municipality's own value: importing it twice finds the first. */
export function municipalityClientKey(candidate: Pick<MunicipalityCandidate, 'indicatorId' | 'municipalityId' | 'period'>): string {
  return `import:${candidate.indicatorId}:kommun-${candidate.municipalityId}:${candidate.period}`;
}

const rowKey = (row: Candidate | MunicipalityCandidate): string => ('municipalityId' in row ? municipalityClientKey(row) : importClientKey(row));

function sameGroups(a: Measurement['groups'], b: Candidate['groups']): boolean {
  const norm = (groups: readonly { group: string; value: number }[] | undefined) =>
    JSON.stringify([...(groups ?? [])].sort((x, y) => x.group.localeCompare(y.group)).map((g) => [g.group, g.value]));
  return norm(a) === norm(b);
}

export class ImportService {
  private readonly concurrency: number;

  constructor(private readonly store: Store<Entities>, private readonly readModel: ReadModel<Entities>, private readonly options: ImportServiceOptions = {}) {
    this.concurrency = Math.max(1, options.concurrency ?? 4);
  }

  /**
   * Kolada's values of a KPI for every unit that carries a Kolada id, in a year, as a file to
   * preview or commit. Throws KoladaUnavailableError where Kolada is not reachable from here.
   */
  async fetchKolada(request: KoladaRequest): Promise<ImportFile> {
    if (!this.options.kolada) throw new KoladaUnavailableError('Hämtning från Kolada finns bara i Microsoft 365-läget: importera Koladas svar som fil');
    const view = await this.readModel.read(['units', 'indicators']);
    const ouIds = createLookup(view.all('units'), view.all('indicators')).koladaUnitIds();
    if (ouIds.length === 0) throw new RuleError('koladaUnitIds', 'kolada', 'Ingen enhet har ett Kolada-id: ange enheternas Kolada-id först');
    return { kolada: await this.options.kolada.ouData(request.kpi, ouIds, request.year) };
  }

  /** Reads and checks the file and compares it with what is stored. Writes nothing. */
  async previewImport(file: ImportFile, kind: ImportKind, options: PreviewOptions = {}): Promise<ImportPreview> {
    return (await this.plan(file, kind, options)).preview;
  }

  /**
   * Writes the file's results, or nothing: everything is checked first, and a write that fails
   * undoes the ones before it (created items deleted, updated ones restored). Importing the same
   * file again changes nothing.
   */
  async commitImport(file: ImportFile, kind: ImportKind, options: CommitOptions): Promise<CommitResult> {
    const { preview, existing } = await this.plan(file, kind, options);
    if (preview.errors.length > 0) throw new ImportRejectedError(preview);
    const writes: ListWrite[] = [];
    for (const row of preview.rows) {
      const result = { indicatorId: row.indicatorId, period: row.period, schoolYear: row.schoolYear, value: row.value, ...(row.groups ? { groups: row.groups.map((g) => ({ ...g })) } : {}) };
      const patch = { value: result.value, groups: result.groups };
      const before = row.existingId === undefined ? undefined : existing.get(row.existingId);
      if ('municipalityId' in row) {
        if (row.change === 'create') writes.push({ list: 'municipalityResults', kind: 'create', fields: { ...result, municipalityId: row.municipalityId, source: 'kolada' }, clientKey: municipalityClientKey(row) });
        else if (row.change === 'update' && before?.list === 'municipalityResults') writes.push({ list: 'municipalityResults', kind: 'update', before: before.item, patch });
        continue;
      }
      if (row.change === 'create') writes.push({ list: 'measurements', kind: 'create', fields: { ...result, unitId: row.unitId }, clientKey: importClientKey(row) });
      else if (row.change === 'update' && before?.list === 'measurements') writes.push({ list: 'measurements', kind: 'update', before: before.item, patch });
    }
    const outcome = await writeAllOrNothing(this.store, writes, { actor: options.actor, concurrency: this.concurrency, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
    if (outcome.failure !== undefined) throw new ImportFailedError(outcome.failure, outcome.leftBehind);
    return { created: preview.summary.create, updated: preview.summary.update, unchanged: preview.summary.unchanged, preview };
  }

  private async plan(file: ImportFile, kind: ImportKind, options: PreviewOptions): Promise<{ preview: ImportPreview; existing: Map<string, Existing> }> {
    const source = await readFile(file, kind);
    // from the read model: a school year's results pass the list view threshold in a large municipality
    const view = await this.readModel.read(['units', 'indicators', 'measurements', 'municipalityResults']);
    const lookup = createLookup(view.all('units'), view.all('indicators'));
    // every cell of every line, titles and notes too: a file with a personnummer is refused whole
    const personal = personalIdentityErrors(source.records);
    const read: ReadResult = source.errors.length > 0 ? refused(source.errors)
      : personal.length > 0 ? refused(personal)
        : source.koladaRows ? readKoladaRows(source.koladaRows, lookup, this.options.municipalityCode)
          : kind === 'kolada' ? readKolada(source.records, lookup, this.options.municipalityCode) : readSkolverket(source.records, lookup, options);

    const candidates = [...read.candidates, ...read.municipality].sort((a, b) => a.line - b.line);
    const years = [...new Set(candidates.map((c) => c.schoolYear))].sort() as SchoolYear[];
    const stored: Existing[] = years.flatMap((year) => [
      ...view.where('measurements', 'schoolYear', year).map((item): Existing => ({ list: 'measurements', item })),
      ...view.where('municipalityResults', 'schoolYear', year).map((item): Existing => ({ list: 'municipalityResults', item })),
    ]);
    const existing = new Map(stored.map((e) => [e.item.id, e]));
    const byKey = new Map<string, Existing>();
    for (const e of stored) {
      const key = e.list === 'measurements' ? importClientKey(e.item.fields) : municipalityClientKey(e.item.fields);
      if (!byKey.has(key)) byKey.set(key, e);
    }

    const rows: ImportRow[] = candidates.map((candidate) => {
      const match = byKey.get(rowKey(candidate))?.item;
      const change: RowChange = !match ? 'create' : match.fields.value === candidate.value && sameGroups(match.fields.groups, candidate.groups) ? 'unchanged' : 'update';
      return {
        ...candidate,
        indicatorName: lookup.indicator(candidate.indicatorId)?.fields.name ?? '',
        unitName: 'municipalityId' in candidate ? municipalityRowName : lookup.unit(candidate.unitId)?.fields.name ?? '',
        change,
        ...(match ? { existingId: match.id, previousValue: match.fields.value } : {}),
      };
    });
    const count = (change: ImportRow['change']) => rows.filter((r) => r.change === change).length;
    return {
      existing,
      preview: {
        rows,
        errors: read.errors,
        summary: {
          kind,
          format: source.format,
          ...(source.encoding ? { encoding: source.encoding } : {}),
          delimiter: source.delimiter,
          rows: rows.length,
          create: count('create'),
          update: count('update'),
          unchanged: count('unchanged'),
          skipped: read.skipped,
          errors: read.errors.length,
          units: new Set(rows.flatMap((r) => ('unitId' in r ? [r.unitId] : []))).size,
          indicators: new Set(rows.map((r) => r.indicatorId)).size,
          schoolYears: years,
          ignoredColumns: read.ignoredColumns,
          unmatchedColumns: read.unmatchedColumns,
          notes: read.notes,
          mappings: read.mappings,
        },
      },
    };
  }
}
