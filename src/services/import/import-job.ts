/**
 * A result import as a background job in the Jobs list. Committing stores the checked rows in
 * chunks (Jobs items of kind `result-import-rows`, `chunkRows` rows each, written before the job
 * so a job never points at rows that are not there), then the job itself (kind `result-import`),
 * which the import worker (import-worker.ts) claims, runs and checkpoints chunk by chunk.
 *
 * A chunk is never run: it is stored with status `done`, so no queue of pending jobs lists it.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { isoDateTime, itemId, ResultBeforeImportSchema, schoolYear, type Job } from '../../domain';
import type { Entities } from '../../lists/lists';
import type { Store, StoredItem } from '../../store/port';
import { chunkRows, importUnits } from './import-pace';
import { importKinds, type ImportKind } from './types';

export const IMPORT_JOB = 'result-import';
export const IMPORT_ROWS = 'result-import-rows';

/** A row to write: a new result, or a change of a stored one (with what it was, to restore it). */
export const ChunkRowSchema = z.strictObject({
  change: z.enum(['create', 'update']),
  indicatorId: z.string().min(1),
  /** a unit's result (measurements), or the municipality's own (municipalityResults) */
  unitId: z.string().min(1).optional(),
  municipalityId: z.string().min(1).optional(),
  period: z.string().min(1),
  schoolYear,
  value: z.number(),
  groups: z.array(z.strictObject({ group: z.string(), value: z.number() })).optional(),
  /** an update's item, the eTag the preview read and the value and groups it had */
  id: z.string().optional(),
  etag: z.string().optional(),
  previousValue: z.number().optional(),
  previousGroups: z.array(z.strictObject({ group: z.string(), value: z.number() })).optional(),
  /** the update's item's own import trail, restored with its value by an undo */
  previousImportId: itemId.optional(),
  previousBeforeImport: ResultBeforeImportSchema.optional(),
  /**
   * what users saw of the update's item when the preview read it, shown until this import is
   * complete; absent when they saw nothing (a failed import's result left behind)
   */
  shownBefore: ResultBeforeImportSchema.optional(),
});
export type ChunkRow = z.infer<typeof ChunkRowSchema>;
export const ChunkPayloadSchema = z.strictObject({ rows: z.array(ChunkRowSchema) });

/** What a result import's job holds: the counts, its chunks and how far it got. */
export const ImportJobPayloadSchema = z.strictObject({
  importKind: z.enum(importKinds),
  actor: z.string().min(1),
  create: z.number().int().min(0),
  update: z.number().int().min(0),
  unchanged: z.number().int().min(0),
  /** the chunk items' ids, in order */
  chunks: z.array(z.string().min(1)),
  /** chunks written completely; the worker resumes at this one */
  checkpoint: z.number().int().min(0),
  /** rows written (of create + update) */
  written: z.number().int().min(0),
  startedAt: isoDateTime.optional(),
});
export type ImportJobPayload = z.infer<typeof ImportJobPayloadSchema>;

export type ImportJobItem = StoredItem<Job>;

export const importJobStates = ['queued', 'running', 'done', 'failed'] as const;
export type ImportJobState = (typeof importJobStates)[number];

/** An import's job as people follow it. */
export interface ImportJobView {
  readonly id: string;
  readonly state: ImportJobState;
  readonly kind: ImportKind;
  readonly total: number;
  readonly written: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly queuedAt: string;
  readonly startedAt?: string;
  /** when the rows left are written at the import's budget (running and queued imports) */
  readonly estimatedEnd?: string;
  readonly finishedAt?: string;
  /** why a failed import failed, in words; what it had written is undone */
  readonly failure?: string;
}

/** The job's payload, checked: a job item of another shape is no import's. */
export function importPayloadOf(job: ImportJobItem): ImportJobPayload | undefined {
  if (job.fields.kind !== IMPORT_JOB) return undefined;
  const parsed = ImportJobPayloadSchema.safeParse(job.fields.payload);
  return parsed.success ? parsed.data : undefined;
}

/** How the job reads to people at `now`, its rows left at `unitsPerMinute`. */
export function viewOf(job: ImportJobItem, payload: ImportJobPayload, now: number, unitsPerMinute: number): ImportJobView {
  const { fields } = job;
  const total = payload.create + payload.update;
  const leased = fields.leaseUntil !== undefined && Date.parse(fields.leaseUntil) > now;
  const state: ImportJobState = fields.status === 'done' ? 'done' : fields.status === 'failed' ? 'failed' : leased || payload.startedAt !== undefined ? 'running' : 'queued';
  const left = Math.max(0, total - payload.written);
  const leftUnits = importUnits({ create: Math.min(left, payload.create), update: Math.max(0, left - payload.create) });
  const pending = state === 'queued' || state === 'running';
  return {
    id: job.id,
    state,
    kind: payload.importKind,
    total,
    written: payload.written,
    created: state === 'done' ? payload.create : 0,
    updated: state === 'done' ? payload.update : 0,
    unchanged: payload.unchanged,
    queuedAt: job.createdAt,
    ...(payload.startedAt ? { startedAt: payload.startedAt } : {}),
    ...(pending ? { estimatedEnd: new Date(now + (leftUnits / unitsPerMinute) * 60_000).toISOString() } : {}),
    ...(fields.doneAt ? { finishedAt: fields.doneAt } : {}),
    ...(state === 'failed' && fields.lastError ? { failure: fields.lastError } : {}),
  };
}

export interface StagedImport {
  readonly kind: ImportKind;
  readonly actor: string;
  readonly rows: readonly ChunkRow[];
  readonly unchanged: number;
  /** rows a chunk holds; default chunkRows */
  readonly chunkRows?: number;
}

/**
 * Stores an import's rows and its job. The chunks go first, then the job that names them: should
 * the server stop in between, the chunks are left unreferenced and nothing runs.
 */
export async function stageImport(store: Store<Entities>, staged: StagedImport, now: Date): Promise<ImportJobItem> {
  const key = `${IMPORT_JOB}:${randomUUID()}`;
  const at = now.toISOString();
  const chunks: { fields: Job; clientKey: string }[] = [];
  const size = staged.chunkRows ?? chunkRows;
  for (let start = 0, n = 0; start < staged.rows.length; start += size, n++) {
    const clientKey = `${key}:rows:${n}`;
    chunks.push({ clientKey, fields: { kind: IMPORT_ROWS, key: clientKey, status: 'done', dueAt: at, attempts: 0, payload: { rows: staged.rows.slice(start, start + size) } } });
  }
  const stored = await store.createMany('jobs', chunks, { actor: staged.actor });
  const payload: ImportJobPayload = {
    importKind: staged.kind,
    actor: staged.actor,
    create: staged.rows.filter((row) => row.change === 'create').length,
    update: staged.rows.filter((row) => row.change === 'update').length,
    unchanged: staged.unchanged,
    chunks: stored.map((chunk) => chunk.id),
    checkpoint: 0,
    written: 0,
  };
  return store.create('jobs', { kind: IMPORT_JOB, key, status: 'pending', dueAt: at, attempts: 0, payload }, { actor: staged.actor, clientKey: key });
}

/** The result imports that are queued or running, oldest first. */
export async function pendingImports(store: Store<Entities>): Promise<ImportJobItem[]> {
  const items = await store.queryAll('jobs', { filter: [{ field: 'kind', op: 'eq', value: IMPORT_JOB }, { field: 'status', op: 'eq', value: 'pending' }] });
  return [...items].sort((a, b) => a.fields.dueAt.localeCompare(b.fields.dueAt) || Number(a.id) - Number(b.id));
}

/** The latest result imports, newest first (at most `top`). */
export async function recentImports(store: Store<Entities>, top = 10): Promise<ImportJobItem[]> {
  const page = await store.query('jobs', { filter: [{ field: 'kind', op: 'eq', value: IMPORT_JOB }], orderBy: { field: 'dueAt', descending: true }, top });
  // a released job's dueAt moves: newest first by when each was queued
  return [...page.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || Number(b.id) - Number(a.id));
}
