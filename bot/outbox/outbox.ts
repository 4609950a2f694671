/**
 * The one queue for proactive messages. Every message is a job in the store (so a restart loses
 * nothing), sent under Teams' rate limits, retried on 429/5xx with backoff, and marked done with
 * its delivery. See docs in bot/README.md ("Delivery guarantee") for what "exactly once" means here.
 */
import { randomUUID } from 'node:crypto';
import type { BotStore } from '../data/entities';
import { backoffDelay, isRetryable, type BackoffOptions } from './backoff';
import { systemClock, type Clock } from './clock';
import { JobAttempt } from './attempt';
import { OutboundPayloadSchema, splitPayload } from './delivery-record';
import { claimJob, deferJob, ensureJob, ensureJobs, findDueJobs, finishJob, type Job, type NewJob } from './jobs';
import { conversationKeyOf, LeaseLostError, OutboundMessageSchema, SendError, type Delivery, type OutboundMessage, type Sender } from './message';
import { RateLimiter, type Answered } from './rate-limiter';

export const OUTBOUND_JOB = 'outbound';

export interface OutboxOptions {
  store: BotStore;
  sender: Sender;
  limiter?: RateLimiter;
  clock?: Clock;
  /** names this instance in job leases */
  instanceId?: string;
  leaseMs?: number;
  maxAttempts?: number;
  /** jobs claimed per pass: enough to keep the app's rate limit busy within one lease */
  batchSize?: number;
  backoff?: BackoffOptions;
  /** called after each delivery, e.g. to store the reference of a 1:1 conversation just created */
  onDelivered?: (message: OutboundMessage, delivery: Delivery) => Promise<void>;
  log?: (message: string) => void;
}

export interface DrainResult {
  sent: number;
  retried: number;
  failed: number;
  /** jobs another instance claimed first */
  skipped: number;
}

export class Outbox {
  readonly instanceId: string;
  private readonly store: BotStore;
  private readonly sender: Sender;
  private readonly limiter: RateLimiter;
  private readonly clock: Clock;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly batchSize: number;
  private readonly options: OutboxOptions;

  constructor(options: OutboxOptions) {
    this.options = options;
    this.store = options.store;
    this.sender = options.sender;
    this.clock = options.clock ?? systemClock;
    this.limiter = options.limiter ?? new RateLimiter({ clock: this.clock });
    this.instanceId = options.instanceId ?? `bot-${randomUUID()}`;
    this.leaseMs = options.leaseMs ?? 120_000;
    this.maxAttempts = options.maxAttempts ?? 8;
    this.batchSize = options.batchSize ?? 200;
  }

  /** Queues a message; enqueueing the same key again is a no-op (the job's clientKey is the key). */
  async enqueue(message: OutboundMessage, dueAt = this.clock.now()): Promise<void> {
    await ensureJob(this.store, this.jobOf(message, dueAt));
  }

  /** Queues many messages in a few round trips; each is checked before any is queued, and a key queued before is a no-op. */
  async enqueueAll(messages: readonly OutboundMessage[], dueAt = this.clock.now()): Promise<void> {
    const jobs = messages.map((message) => this.jobOf(message, dueAt));
    if (jobs.length) await ensureJobs(this.store, jobs);
  }

  private jobOf(message: OutboundMessage, dueAt: number): NewJob {
    const parsed = OutboundMessageSchema.parse(message);
    return { kind: OUTBOUND_JOB, key: `outbound:${parsed.key}`, dueAt: new Date(dueAt).toISOString(), payload: parsed };
  }

  /** One pass: claims the due jobs and sends them concurrently under the rate limits. */
  async drain(): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, retried: 0, failed: 0, skipped: 0 };
    const due = await findDueJobs(this.store, OUTBOUND_JOB, this.clock.now(), this.batchSize);
    await Promise.all(due.map(async (job) => {
      const outcome = await this.run(job);
      result[outcome]++;
    }));
    return result;
  }

  /** Drains until nothing is due (retries that are due later are left for later passes). */
  async drainAll(maxPasses = 1_000): Promise<DrainResult> {
    const total: DrainResult = { sent: 0, retried: 0, failed: 0, skipped: 0 };
    for (let pass = 0; pass < maxPasses; pass++) {
      const r = await this.drain();
      total.sent += r.sent; total.retried += r.retried; total.failed += r.failed; total.skipped += r.skipped;
      if (r.sent + r.retried + r.failed + r.skipped === 0) break;
    }
    return total;
  }

  private async run(job: Job): Promise<keyof DrainResult> {
    // Wait for the first request's rate-limit slot before claiming, so that the lease covers the
    // send, not the queue in front of it; the job may be gone to another instance by then.
    // A user without a 1:1 conversation costs two requests (create, then send): the send's slot is
    // reserved once the create has answered, so that it leaves when its slot says.
    // The claim is written with the eTag of `job`, so the claimed job's payload is the one read here.
    const parsed = OutboundPayloadSchema.safeParse(job.fields.payload);
    const blocked = parsed.success ? this.limiter.blockedFor(conversationKeyOf(parsed.data.target)) : 0;
    if (blocked > 0) return (await deferJob(this.store, job, this.clock.now() + blocked)) ? 'retried' : 'skipped';
    let first = parsed.success ? this.limiter.reserve(conversationKeyOf(parsed.data.target)) : undefined;
    if (first !== undefined) await this.limiter.waitUntil(first);
    const claimed = await claimJob(this.store, job, this.instanceId, this.leaseMs, this.clock.now());
    if (!claimed) return 'skipped';
    if (!parsed.success) {
      await finishJob(this.store, claimed, { status: 'failed', lastError: `invalid payload: ${parsed.error.message}`.slice(0, 2_000) });
      return 'failed';
    }
    const { message, record } = splitPayload(parsed.data);
    const leaseEnd = this.clock.now() + this.leaseMs;
    const attempt = new JobAttempt(this.store, claimed, message, record, { by: this.instanceId, clock: this.clock, leaseEnd });
    if (attempt.leftUnconfirmed) {
      const earlier = attempt.leftUnconfirmed;
      this.options.log?.(`outbox: ${claimed.fields.key}: attempt ${earlier.attempt} by ${earlier.by} began to post to ${earlier.conversationId} at ${earlier.at} and never recorded the answer; it may have arrived, and is sent again (Teams does not deduplicate)`);
    }
    // a request's answer is in when the next one asks to go (a create before its send) or the send is over
    let answered: Answered | undefined;
    const gate = async (conversationKey: string, posting?: Omit<Delivery, 'activityId'>): Promise<void> => {
      answered?.();
      const slot = first ?? this.limiter.reserve(conversationKey);
      first = undefined; // the first request's slot is reserved (and waited for) before the claim
      await this.limiter.waitUntil(slot);
      // a lease that ran out while waiting belongs to whoever claims the job next
      const leaseLeft = (): void => {
        if (this.clock.now() > leaseEnd - 1_000) throw new SendError('lease ran out while waiting for a rate-limit slot', 503);
      };
      leaseLeft();
      // The post is recorded once its slot is reached and before it departs: a request counts
      // against the limits from its departure until its answer, and the record's own write (a
      // Graph round trip in Microsoft 365 mode) would otherwise hold a place in every window.
      if (posting) await attempt.posting(posting);
      answered = await this.limiter.depart(conversationKey, slot);
      leaseLeft();
    };
    let delivery: Delivery;
    try {
      delivery = await this.sender.send(message, claimed.fields.key, { gate, ...(record.opened ? { opened: record.opened } : {}) });
    } catch (error) {
      answered?.();
      if (error instanceof LeaseLostError) {
        this.options.log?.(`outbox: ${claimed.fields.key} not posted: ${error.message}`);
        return 'skipped';
      }
      return this.fail(attempt, error);
    }
    answered?.();
    // A failure from here on is not a failed send: the card is out. Should the done mark not be
    // written, the lease runs out and the job is sent again (its record says this attempt may have sent it).
    const recorded = await attempt.done(delivery);
    if (!recorded) this.options.log?.(`outbox: ${claimed.fields.key} was sent but its lease had passed to another instance`);
    await this.options.onDelivered?.(message, delivery).catch((e: unknown) => this.options.log?.(`outbox: after delivery of ${claimed.fields.key}: ${String(e)}`));
    return 'sent';
  }

  private async fail(attempt: JobAttempt, error: unknown): Promise<keyof DrainResult> {
    const status = error instanceof SendError ? error.status : undefined;
    const retryAfterMs = error instanceof SendError ? error.retryAfterMs : undefined;
    const attempts = attempt.attempts;
    const key = attempt.key;
    // a 4xx answer means the connector took nothing; a 5xx or a lost connection after the post leaves it open
    const refused = status !== undefined && status >= 400 && status < 500;
    if (status === 429 && retryAfterMs !== undefined) this.limiter.block(conversationKeyOf(attempt.message.target), this.clock.now() + retryAfterMs);
    if (!isRetryable(status) || attempts >= this.maxAttempts) {
      this.options.log?.(`outbox: ${key} failed for good after ${attempts} attempts: ${String(error)}`);
      await attempt.failed({ status: 'failed', lastError: `${status ?? 'network'}: ${String(error)}`.slice(0, 2_000) }, refused);
      return 'failed';
    }
    const delay = backoffDelay(attempts, retryAfterMs, this.options.backoff);
    const now = this.clock.now();
    // the lease ends now: the job is free again once it is due
    await attempt.failed({ dueAt: new Date(now + delay).toISOString(), leaseUntil: new Date(now).toISOString(), lastError: `${status ?? 'network'}: ${String(error)}`.slice(0, 2_000) }, refused);
    return 'retried';
  }
}
