/**
 * Importing results: a preview that reads the file, matches every row to an indicator and a unit,
 * checks it with the domain's MeasurementSchema, says what committing would change and how long
 * the budget makes it take; and a commit that queues it as a background job (import-job.ts).
 */
import type { Measurement, MunicipalityResult, ResultBeforeImport, SchoolYear } from '../../domain';
import type { Entities } from '../../lists/lists';
import type { Store, StoredItem } from '../../store/port';
import type { ReadModel } from '../../store/read-model';
import { countedLists, seeingIn } from '../counted-results';
import { NotVisibleError, RuleError, ServiceError } from '../errors';
import { NotFoundError } from '../../store/errors';
import { invariant } from '../../domain/invariant';
import { refused } from './check';
import { readKolada, readKoladaRows } from './kolada';
import { KoladaUnavailableError, type KoladaApi } from './kolada-api';
import { createLookup } from './lookup';
import { personalIdentityErrors } from './personal-data';
import { readSkolverket } from './skolverket';
import { readFile, type ImportFile } from './source';
import type { Candidate, ImportKind, ImportPreview, ImportRow, MunicipalityCandidate, ReadResult, RowChange } from './types';
import { importPayloadOf, pendingImports, recentImports, stageImport, viewOf, type ChunkRow, type ImportJobItem, type ImportJobView } from './import-job';
import { importBudget, importMinutes } from './import-pace';

type MeasurementItem = StoredItem<Measurement>;
type MunicipalityResultItem = StoredItem<MunicipalityResult>;

/**
 * What a preview's rows stand for in the store: a unit's measurement, or a municipality result, as
 * stored (the import resumes and compares by that), with what users see of it (`shown`: undefined
 * when they see nothing, a failed import's result left behind) and whether they see it as stored.
 */
type Existing = ({ readonly list: 'measurements'; readonly item: MeasurementItem } | { readonly list: 'municipalityResults'; readonly item: MunicipalityResultItem })
  & { readonly shown: ResultBeforeImport | undefined; readonly asStored: boolean };

/** The name a municipality's own value has in the preview. */
export const municipalityRowName = 'Kommunen';

export interface ImportServiceOptions {
  /** the import's budget of resource units a minute (importBudget of the tenant's); default that of the smallest tenant */
  readonly unitsPerMinute?: number;
  /** called once a commit has queued its job (the worker of this instance looks at once) */
  readonly onQueued?: () => void;
  /** the clock of the job's times; default the system's */
  readonly now?: () => Date;
  /** rows in one stored chunk of a job; default chunkRows (import-pace.ts) */
  readonly chunkRows?: number;
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
 * that could not be undone (empty when the store is as it was). Unit imports write all or nothing
 * in the request (write-plan.ts); result imports mark their job failed instead.
 */
export class ImportFailedError extends ServiceError {
  override readonly name = 'ImportFailedError';
  constructor(readonly reason: unknown, readonly leftBehind: readonly string[]) {
    super(`the import failed and was undone${leftBehind.length > 0 ? `, except ${leftBehind.join(', ')}` : ''}: ${reason instanceof Error ? reason.message : String(reason)}`);
  }
}

/** An import is queued or running: a second one waits until it is done (its preview would be stale). */
export class ImportBusyError extends ServiceError {
  override readonly name = 'ImportBusyError';
  constructor(readonly running: ImportJobView) {
    super('an import is already queued or running');
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
  /** the import's own budget: the preview's duration and the worker's pace */
  readonly unitsPerMinute: number;
  private readonly now: () => Date;

  constructor(private readonly store: Store<Entities>, private readonly readModel: ReadModel<Entities>, private readonly options: ImportServiceOptions = {}) {
    this.unitsPerMinute = options.unitsPerMinute ?? importBudget(1_250);
    this.now = options.now ?? (() => new Date());
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
   * Queues the file's results as a background job (import-worker.ts writes them), or refuses it
   * whole: everything is checked first, and a file with any error stores nothing. One import at a
   * time: while one is queued or running, ImportBusyError. Importing the same file again changes
   * nothing.
   */
  async commitImport(file: ImportFile, kind: ImportKind, options: CommitOptions): Promise<ImportJobView> {
    const { preview, existing } = await this.plan(file, kind, options);
    if (preview.errors.length > 0) throw new ImportRejectedError(preview);
    const running = (await pendingImports(this.store))[0];
    if (running) throw new ImportBusyError(this.viewOf(running));
    const rows: ChunkRow[] = [];
    for (const row of preview.rows) {
      const groups = row.groups ? { groups: row.groups.map((g) => ({ ...g })) } : {};
      // a unit's result, or the municipality's own (Kolada's municipality data, its own list)
      const owner = 'municipalityId' in row ? { municipalityId: row.municipalityId } : { unitId: row.unitId };
      const fields = { indicatorId: row.indicatorId, ...owner, period: row.period, schoolYear: row.schoolYear, value: row.value, ...groups };
      const before = row.existingId === undefined ? undefined : existing.get(row.existingId)?.item;
      if (row.change === 'create') rows.push({ change: 'create', ...fields });
      else if (row.change === 'update' && before) {
        const { shown } = existing.get(before.id) ?? {};
        rows.push({
          change: 'update', ...fields, id: before.id, etag: before.etag,
          // as stored, for an undo to restore; and what users saw, for them to keep seeing until the import is complete
          previousValue: before.fields.value, ...(before.fields.groups ? { previousGroups: before.fields.groups.map((g) => ({ ...g })) } : {}),
          ...(before.fields.importId !== undefined ? { previousImportId: before.fields.importId } : {}),
          ...(before.fields.beforeImport ? { previousBeforeImport: before.fields.beforeImport } : {}),
          ...(shown ? { shownBefore: shown } : {}),
        });
      }
    }
    const chunking = this.options.chunkRows !== undefined ? { chunkRows: this.options.chunkRows } : {};
    const job = await stageImport(this.store, { kind, actor: options.actor, rows, unchanged: preview.summary.unchanged, ...chunking }, this.now());
    this.options.onQueued?.();
    return this.viewOf(job);
  }

  /** An import's job as people follow it; NotVisibleError for an id that is no import's. */
  async importJob(id: string): Promise<ImportJobView> {
    const job = await this.store.get('jobs', id).catch((error: unknown) => {
      if (error instanceof NotFoundError) throw new NotVisibleError(`import ${id}`);
      throw error;
    });
    if (!importPayloadOf(job)) throw new NotVisibleError(`import ${id}`);
    return this.viewOf(job);
  }

  /** The latest imports, newest first: the running one and the recent ones. */
  async recentImports(): Promise<ImportJobView[]> {
    return (await recentImports(this.store)).filter((job) => importPayloadOf(job)).map((job) => this.viewOf(job));
  }

  private viewOf(job: ImportJobItem): ImportJobView {
    const payload = importPayloadOf(job);
    invariant(payload !== undefined, `job ${job.id} is no result import`);
    return viewOf(job, payload, this.now().getTime(), this.unitsPerMinute);
  }

  private async plan(file: ImportFile, kind: ImportKind, options: PreviewOptions): Promise<{ preview: ImportPreview; existing: Map<string, Existing> }> {
    const source = await readFile(file, kind);
    // from the read model: a school year's results pass the list view threshold in a large municipality
    const view = await this.readModel.read(['units', 'indicators', 'measurements', 'municipalityResults', ...countedLists]);
    const see = seeingIn(view);
    const seenOf = <T extends Measurement | MunicipalityResult>(item: StoredItem<T>): Pick<Existing, 'shown' | 'asStored'> => {
      const seen = see(item);
      const shown = seen ? { value: seen.fields.value, ...(seen.fields.groups ? { groups: seen.fields.groups } : {}) } : undefined;
      return { shown, asStored: seen === item };
    };
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
      // raw: a resumed or repeated import finds what is stored, counted or not
      ...view.where('measurements', 'schoolYear', year).map((item): Existing => ({ list: 'measurements', item, ...seenOf(item) })),
      ...view.where('municipalityResults', 'schoolYear', year).map((item): Existing => ({ list: 'municipalityResults', item, ...seenOf(item) })),
    ]);
    const existing = new Map(stored.map((e) => [e.item.id, e]));
    const byKey = new Map<string, Existing>();
    for (const e of stored) {
      const key = e.list === 'measurements' ? importClientKey(e.item.fields) : municipalityClientKey(e.item.fields);
      if (!byKey.has(key)) byKey.set(key, e);
    }

    const rows: ImportRow[] = candidates.map((candidate) => {
      const found = byKey.get(rowKey(candidate));
      const match = found?.item;
      // unchanged only when users see the value as stored: one an unfinished import left is written again, to count
      const same = match !== undefined && found?.asStored === true && match.fields.value === candidate.value && sameGroups(match.fields.groups, candidate.groups);
      const change: RowChange = !match ? 'create' : same ? 'unchanged' : 'update';
      return {
        ...candidate,
        indicatorName: lookup.indicator(candidate.indicatorId)?.fields.name ?? '',
        unitName: 'municipalityId' in candidate ? municipalityRowName : lookup.unit(candidate.unitId)?.fields.name ?? '',
        change,
        ...(match ? { existingId: match.id } : {}),
        ...(found?.shown ? { previousValue: found.shown.value } : {}),
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
          minutes: importMinutes({ create: count('create'), update: count('update') }, this.unitsPerMinute),
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
