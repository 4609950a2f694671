import { z } from 'zod';
import { isoDateTime } from './common';

export const jobStatuses = ['pending', 'done', 'failed'] as const;

/**
 * A leased unit of background work (a reminder, an outbound card). Claimed by writing a lease
 * with the item's eTag, so two server instances never run the same job.
 */
export const JobSchema = z.strictObject({
  kind: z.string().min(1).max(50),
  /** deterministic, e.g. "followup:12:<user>"; also the item's client key */
  key: z.string().min(1).max(255),
  status: z.enum(jobStatuses),
  dueAt: isoDateTime,
  leaseUntil: isoDateTime.optional(),
  leasedBy: z.string().max(100).optional(),
  attempts: z.number().int().min(0),
  payload: z.record(z.string(), z.unknown()),
  lastError: z.string().max(2_000).optional(),
  doneAt: isoDateTime.optional(),
});
export type Job = z.infer<typeof JobSchema>;
