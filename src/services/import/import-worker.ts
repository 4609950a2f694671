/**
 * Runs result imports from the Jobs list, one at a time per server instance. A job is claimed by
 * writing a lease with the eTag it was read with (two instances never run one job); each chunk of
 * rows is written in `$batch`es paced at the import's budget, then checkpointed with the job's
 * eTag, which also renews the lease. A job whose instance died (kill -9) is free again once its
 * lease runs out and resumes at its checkpoint: the chunk that was under way is written again, and
 * client keys make its creates find the items already there, so nothing is stored twice.
 *
 * A failure undoes what the import wrote (creates deleted, updates restored) and marks the job
 * failed with its reason; SharePoint being unavailable (after the store's own retries, which
 * honour Retry-After) releases the job to be resumed a little later, up to `maxAttempts` times.
 *
 * All or nothing from the users' view: every result the import writes carries its job's id
 * (`importId`), a changed one also what users saw before (`beforeImport`), and the import's item
 * in the mirrored ResultImports list says whether it is complete. It is `running` from the first
 * chunk on, `done` only once every chunk is written (before the job is marked done, so a stop in
 * between resumes and completes it), `failed` after the undo. Views count its results only when
 * it is done (services/counted-results.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Job, ResultBeforeImport, ResultImport } from '../../domain';
import type { Entities } from '../../lists/lists';
import { ConflictError, UnavailableError } from '../../store/errors';
import type { Store, StoredItem } from '../../store/port';
import { ChunkPayloadSchema, importPayloadOf, pendingImports, type ChunkRow, type ImportJobItem, type ImportJobPayload } from './import-job';
import { batchRows, Pace, type PaceClock } from './import-pace';
import { importClientKey, municipalityClientKey } from './import-service';

export interface ImportWorkerOptions {
  /** the import's own budget of resource units a minute (see importBudget) */
  readonly unitsPerMinute: number;
  readonly clock?: PaceClock;
  /** how long a budget minute lasts on `clock`; default 60,000 ms (the bench shortens it) */
  readonly minuteMs?: number;
  readonly instanceId?: string;
  /** how long a claim holds without a checkpoint; default 5 minutes (a chunk takes under one at the smallest budget) */
  readonly leaseMs?: number;
  /** how often an idle worker looks for a job another instance queued; default 10 s (2 units a look) */
  readonly idleMs?: number;
  /** runs of a job SharePoint keeps answering unavailable before it fails; default 5 */
  readonly maxAttempts?: number;
  /** a job released after SharePoint was unavailable is due again after this long; default 30 s */
  readonly retryMs?: number;
  readonly log?: (message: string) => void;
}

const systemClock: PaceClock = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

/** The import stopped: its reason in words, for the job's `lastError`. */
class ImportStopped extends Error {}

/** The lease passed to another instance: this one stops without writing more. */
class LeaseLost extends Error {}

/** The worker is stopping: the job is released at its checkpoint, for the next start to resume. */
class Stopping extends Error {}

function sameGroups(a: ChunkRow['groups'], b: ChunkRow['groups']): boolean {
  const norm = (groups: ChunkRow['groups']) => JSON.stringify([...(groups ?? [])].sort((x, y) => x.group.localeCompare(y.group)));
  return norm(a) === norm(b);
}

/** What users saw of an update's result before the import; chunks staged before `shownBefore` was kept name their previous value only. */
function shownBefore(row: ChunkRow): ResultBeforeImport | undefined {
  if (row.shownBefore || row.previousImportId !== undefined || row.previousValue === undefined) return row.shownBefore;
  return { value: row.previousValue, ...(row.previousGroups ? { groups: row.previousGroups } : {}) };
}

/** The client key of an import's item in the ResultImports list. */
const resultImportKey = (jobId: string) => `result-import-state:${jobId}`;

/** The list a row of import `importId` goes to, its client key and its fields there. */
function target(row: ChunkRow, importId: string) {
  const result = { indicatorId: row.indicatorId, period: row.period, schoolYear: row.schoolYear, value: row.value, ...(row.groups ? { groups: row.groups } : {}), importId };
  if (row.municipalityId !== undefined) {
    const municipalityId = row.municipalityId;
    return { list: 'municipalityResults' as const, clientKey: municipalityClientKey({ ...row, municipalityId }), fields: { ...result, municipalityId, source: 'kolada' as const } };
  }
  const unitId = row.unitId ?? '';
  return { list: 'measurements' as const, clientKey: importClientKey({ ...row, unitId }), fields: { ...result, unitId } };
}

function reasonOf(error: unknown): string {
  if (error instanceof ImportStopped) return error.message;
  if (error instanceof UnavailableError) return 'SharePoint svarade inte trots flera försök';
  return `ett fel vid skrivningen (${error instanceof Error ? error.message : String(error)})`;
}

export class ImportWorker {
  readonly instanceId: string;
  private readonly clock: PaceClock;
  private readonly leaseMs: number;
  private stopped = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  /** ends the pace's wait under way when the worker stops */
  private interrupt: (() => void) | undefined;
  /** the pace's clock: its waits end with Stopping when the worker stops */
  private readonly paceClock: PaceClock;

  constructor(private readonly store: Store<Entities>, private readonly options: ImportWorkerOptions) {
    this.clock = options.clock ?? systemClock;
    this.instanceId = options.instanceId ?? `import-${randomUUID()}`;
    this.leaseMs = options.leaseMs ?? 300_000;
    this.paceClock = {
      now: () => this.clock.now(),
      sleep: (ms) => new Promise<void>((resolve, reject) => {
        if (this.stopped) return reject(new Stopping());
        this.interrupt = () => reject(new Stopping());
        void this.clock.sleep(ms).then(resolve);
      }).finally(() => { this.interrupt = undefined; }),
    };
  }

  /** Runs imports until stopped: the next free one at once, else it looks again after `idleMs` or a kick. */
  start(): void {
    this.stopped = false;
    this.loop ??= (async () => {
      while (!this.stopped) {
        const ran = await this.runNext().catch((error: unknown) => {
          this.options.log?.(`imports: ${String(error)}`);
          return false;
        });
        if (ran || this.stopped) continue;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.options.idleMs ?? 10_000);
          this.wake = () => { clearTimeout(timer); resolve(); };
        });
        this.wake = undefined;
      }
    })();
  }

  /** A commit on this instance queued a job: look now. */
  kick(): void {
    this.wake?.();
  }

  /** Stops after the batch under way; a job left unfinished resumes from its checkpoint later. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    this.interrupt?.();
    await this.loop;
    this.loop = undefined;
  }

  /** Claims the oldest free import and runs it to its end; false when none is free. */
  async runNext(): Promise<boolean> {
    const now = this.clock.now();
    for (const job of await pendingImports(this.store)) {
      if (Date.parse(job.fields.dueAt) > now || (job.fields.leaseUntil && Date.parse(job.fields.leaseUntil) > now)) continue;
      const claimed = await this.write(job, { leasedBy: this.instanceId, leaseUntil: this.leaseEnd(), attempts: job.fields.attempts + 1 }).catch((error: unknown) => {
        if (error instanceof LeaseLost) return undefined;
        throw error;
      });
      if (!claimed) continue;
      await this.run(claimed);
      return true;
    }
    return false;
  }

  private leaseEnd(): string {
    return new Date(this.clock.now() + this.leaseMs).toISOString();
  }

  /** Writes to the job with the eTag it was read with; LeaseLost when another instance wrote first. */
  private async write(job: ImportJobItem, patch: Partial<Job>): Promise<ImportJobItem> {
    try {
      return await this.store.update('jobs', job.id, patch, { actor: this.instanceId, etag: job.etag });
    } catch (error) {
      if (error instanceof ConflictError) throw new LeaseLost(`the lease of ${job.fields.key} passed to another instance`);
      throw error;
    }
  }

  private async run(claimed: ImportJobItem): Promise<void> {
    let job = claimed;
    const payload = importPayloadOf(job);
    if (!payload) {
      await this.write(job, { status: 'failed', lastError: 'jobbets innehåll gick inte att läsa', doneAt: new Date(this.clock.now()).toISOString() });
      return;
    }
    const pace = new Pace(this.options.unitsPerMinute, this.paceClock, this.options.minuteMs);
    let progress: ImportJobPayload = { ...payload, startedAt: payload.startedAt ?? new Date(this.clock.now()).toISOString() };
    let state: StoredItem<ResultImport> | undefined;
    try {
      state = await this.resultImport(job, progress.actor, pace);
      for (let index = progress.checkpoint; index < progress.chunks.length; index++) {
        if (this.stopped) throw new Stopping();
        const rows = await this.chunk(progress, index, pace);
        await this.writeRows(rows, job.id, progress.actor, pace);
        progress = { ...progress, checkpoint: index + 1, written: Math.min(progress.create + progress.update, progress.written + rows.length) };
        await pace.spend(2).catch(() => undefined); // a stop now still writes the checkpoint
        job = await this.write(job, { payload: progress, leaseUntil: this.leaseEnd() });
      }
      // complete for users first: should the server stop before the job is marked done, the job resumes and ends here again
      state = await this.markResultImport(state, 'done', progress.actor, pace);
      await this.write(job, { status: 'done', doneAt: new Date(this.clock.now()).toISOString(), leaseUntil: new Date(this.clock.now()).toISOString() });
      this.options.log?.(`imports: ${job.fields.key} done, ${progress.written} rows`);
    } catch (error) {
      if (error instanceof LeaseLost) {
        this.options.log?.(`imports: ${error.message}`);
        return;
      }
      if (error instanceof Stopping) {
        // the lease goes at once: the next start (this instance's or another's) resumes at the checkpoint
        await this.write(job, { payload: progress, leaseUntil: new Date(this.clock.now()).toISOString() }).catch(() => undefined);
        return;
      }
      const attempts = job.fields.attempts;
      if (error instanceof UnavailableError && attempts < (this.options.maxAttempts ?? 5)) {
        const now = this.clock.now();
        await this.write(job, { dueAt: new Date(now + (this.options.retryMs ?? 30_000)).toISOString(), leaseUntil: new Date(now).toISOString(), payload: progress, lastError: reasonOf(error) }).catch(() => undefined);
        return;
      }
      const leftBehind = await this.undo(progress, job.id, pace);
      if (state) await this.markResultImport(state, 'failed', progress.actor, pace).catch(() => undefined);
      const undone = leftBehind === 0 ? 'Det som hann sparas togs bort igen.' : `${leftBehind} resultat kunde inte tas bort igen.`;
      await this.write(job, { status: 'failed', doneAt: new Date(this.clock.now()).toISOString(), leaseUntil: new Date(this.clock.now()).toISOString(), payload: progress, lastError: `Importen misslyckades: ${reasonOf(error)}. ${undone}` }).catch(() => undefined);
      this.options.log?.(`imports: ${job.fields.key} failed: ${reasonOf(error)}`);
    }
  }

  private async chunk(payload: ImportJobPayload, index: number, pace: Pace): Promise<ChunkRow[]> {
    const id = payload.chunks[index];
    if (id === undefined) throw new ImportStopped(`del ${index + 1} av importen saknas`);
    await pace.spend(1);
    const parsed = ChunkPayloadSchema.safeParse((await this.store.get('jobs', id)).fields.payload);
    if (!parsed.success) throw new ImportStopped(`del ${index + 1} av importen gick inte att läsa`);
    return parsed.data.rows;
  }

  /** The import's item in ResultImports, `running` when it starts (a resumed import finds the one it wrote). */
  private async resultImport(job: ImportJobItem, actor: string, pace: Pace): Promise<StoredItem<ResultImport>> {
    await pace.spend(2);
    const fields: ResultImport = { jobId: job.id, state: 'running', changedAt: new Date(this.clock.now()).toISOString() };
    return this.store.create('resultImports', fields, { actor, clientKey: resultImportKey(job.id) });
  }

  private async markResultImport(item: StoredItem<ResultImport>, state: ResultImport['state'], actor: string, pace: Pace): Promise<StoredItem<ResultImport>> {
    if (item.fields.state === state) return item;
    await pace.spend(2).catch(() => undefined); // a stop now still marks it
    return this.store.update('resultImports', item.id, { state, changedAt: new Date(this.clock.now()).toISOString() }, { actor, etag: item.etag });
  }

  private async writeRows(rows: readonly ChunkRow[], importId: string, actor: string, pace: Pace): Promise<void> {
    const creates = rows.filter((row) => row.change === 'create').map((row) => target(row, importId));
    const units = creates.flatMap((c) => (c.list === 'measurements' ? [{ clientKey: c.clientKey, fields: c.fields }] : []));
    const municipality = creates.flatMap((c) => (c.list === 'municipalityResults' ? [{ clientKey: c.clientKey, fields: c.fields }] : []));
    for (let start = 0; start < units.length; start += batchRows) {
      const batch = units.slice(start, start + batchRows);
      await pace.spend(2 * batch.length);
      await this.store.createMany('measurements', batch, { actor });
    }
    for (let start = 0; start < municipality.length; start += batchRows) {
      const batch = municipality.slice(start, start + batchRows);
      await pace.spend(2 * batch.length);
      await this.store.createMany('municipalityResults', batch, { actor });
    }
    for (const row of rows.filter((r) => r.change === 'update')) {
      await pace.spend(2);
      await this.update(row, importId, actor);
    }
  }

  /** Changes a stored result from what the preview read; written already (a resumed chunk) is fine. */
  private async update(row: ChunkRow, importId: string, actor: string): Promise<void> {
    if (row.id === undefined || row.etag === undefined) throw new ImportStopped('en ändring saknar sitt resultat');
    const { list } = target(row, importId);
    try {
      await this.store.update(list, row.id, { value: row.value, groups: row.groups, importId, beforeImport: shownBefore(row) }, { actor, etag: row.etag });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const current = await this.store.get(list, row.id);
      if (current.fields.value === row.value && sameGroups(current.fields.groups, row.groups)) return;
      throw new ImportStopped(`resultatet för ${row.period} ändrades av någon annan under importen`);
    }
  }

  /** Undoes the chunks written so far and the one under way; answers how many results stayed. */
  private async undo(payload: ImportJobPayload, importId: string, pace: Pace): Promise<number> {
    let leftBehind = 0;
    const last = Math.min(payload.checkpoint, payload.chunks.length - 1);
    for (let index = last; index >= 0; index--) {
      const rows = await this.chunk(payload, index, pace).catch(() => []);
      for (const row of rows) {
        try {
          await pace.spend(4);
          const { list, clientKey } = target(row, importId);
          if (row.change === 'create') {
            const page = await this.store.query(list, { filter: [{ field: 'clientKey', op: 'eq', value: clientKey }], top: 1 });
            const item = page.items[0];
            if (item) await this.store.delete(list, item.id, { actor: payload.actor, etag: item.etag });
          } else if (row.id !== undefined && row.previousValue !== undefined) {
            const current = await this.store.get(list, row.id);
            if (current.fields.value === row.value && sameGroups(current.fields.groups, row.groups)) {
              const trail = { importId: row.previousImportId, beforeImport: row.previousBeforeImport };
              await this.store.update(list, row.id, { value: row.previousValue, groups: row.previousGroups, ...trail }, { actor: payload.actor, etag: current.etag });
            }
          }
        } catch {
          leftBehind++;
        }
      }
    }
    return leftBehind;
  }
}
