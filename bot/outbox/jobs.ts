/**
 * Leased jobs in the Jobs list. A pending job is claimed by writing `leasedBy`/`leaseUntil` with
 * the eTag it was read with: if another instance claimed it first, the write fails with
 * ConflictError and this instance moves on. A job whose lease ran out (its instance died) is
 * claimable again.
 */
import { ConflictError } from '../../src/store/errors';
import type { StoredItem } from '../../src/store/port';
import type { BotJob, BotStore } from '../data/entities';

export const BOT_ACTOR = 'bot';

export type Job = StoredItem<BotJob>;

/** A job as it is queued. */
export interface NewJob {
  readonly kind: string;
  readonly key: string;
  readonly dueAt: string;
  readonly payload: Record<string, unknown>;
}

/** Creates a job once: the key is also the clientKey, so a second enqueue returns the first job. */
export async function ensureJob(store: BotStore, job: NewJob): Promise<Job> {
  return store.create('jobs', { ...job, status: 'pending', attempts: 0 }, { actor: BOT_ACTOR, clientKey: job.key });
}

/** `ensureJob` for many jobs at once, in `$batch`es of creates: the jobs of a meeting's end in a few round trips. */
export async function ensureJobs(store: BotStore, jobs: readonly NewJob[]): Promise<Job[]> {
  return store.createMany('jobs', jobs.map((job) => ({ fields: { ...job, status: 'pending', attempts: 0 }, clientKey: job.key })), { actor: BOT_ACTOR });
}

/** Whether nobody holds the job at `now`. */
export const isFree = (job: BotJob, now: number): boolean => !job.leaseUntil || Date.parse(job.leaseUntil) <= now;

/** Pending jobs that are due and not leased (or whose instance stopped before its lease ran out). */
export async function findDueJobs(store: BotStore, kind: string, now: number, top = 200): Promise<Job[]> {
  const iso = new Date(now).toISOString();
  const page = await store.query('jobs', {
    filter: [{ field: 'status', op: 'eq', value: 'pending' }, { field: 'dueAt', op: 'le', value: iso }],
    orderBy: { field: 'dueAt' },
    top,
  });
  return page.items.filter((j) => j.fields.kind === kind && isFree(j.fields, now));
}

/** Claims a job for `instanceId`; undefined when another instance holds it. */
export async function claimJob(store: BotStore, job: Job, instanceId: string, leaseMs: number, now: number): Promise<Job | undefined> {
  if (!isFree(job.fields, now)) return undefined;
  try {
    return await store.update('jobs', job.id, {
      leasedBy: instanceId,
      leaseUntil: new Date(now + leaseMs).toISOString(),
      attempts: job.fields.attempts + 1,
    }, { actor: BOT_ACTOR, etag: job.etag });
  } catch (error) {
    if (error instanceof ConflictError) return undefined;
    throw error;
  }
}

/** Moves an unclaimed job's due time; false when another instance changed it first. */
export async function deferJob(store: BotStore, job: Job, dueAt: number): Promise<boolean> {
  return finishJob(store, job, { dueAt: new Date(dueAt).toISOString() });
}

/** Writes to a claimed job with the eTag it was read with; undefined when the lease was lost meanwhile. */
export async function updateJob(store: BotStore, job: Job, patch: Partial<BotJob>): Promise<Job | undefined> {
  try {
    return await store.update('jobs', job.id, patch, { actor: BOT_ACTOR, etag: job.etag });
  } catch (error) {
    if (error instanceof ConflictError) return undefined;
    throw error;
  }
}

/** Writes the outcome of a claimed job; false when the lease was lost meanwhile (someone else may run it). */
export async function finishJob(store: BotStore, job: Job, patch: Partial<BotJob>): Promise<boolean> {
  return (await updateJob(store, job, patch)) !== undefined;
}
