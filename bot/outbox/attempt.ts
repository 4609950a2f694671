/**
 * One attempt at a claimed outbound job, and the delivery record it keeps on the job
 * (delivery-record.ts). Every write carries the eTag of the attempt's previous write, so once
 * another instance has claimed the job this one can record nothing more, and posts nothing.
 */
import type { BotJob, BotStore } from '../data/entities';
import type { Clock } from './clock';
import { payloadOf, type Attempt, type DeliveryRecord } from './delivery-record';
import { updateJob, type Job } from './jobs';
import { LeaseLostError, SendError, type Delivery, type OutboundMessage } from './message';

/** Keep at least this much of the lease for the post itself. */
const postMarginMs = 1_000;

export class JobAttempt {
  private job: Job;
  private record: DeliveryRecord;
  /** an earlier attempt that began to post and never recorded the answer: it may have delivered */
  readonly leftUnconfirmed: Attempt | undefined;

  constructor(
    private readonly store: BotStore,
    claimed: Job,
    readonly message: OutboundMessage,
    record: DeliveryRecord,
    private readonly options: { readonly by: string; readonly clock: Clock; readonly leaseEnd: number },
  ) {
    this.job = claimed;
    this.leftUnconfirmed = record.sending;
    const { sending: _sending, ...rest } = record;
    this.record = record.sending ? { ...rest, unconfirmed: [...record.unconfirmed, record.sending] } : record;
  }

  get key(): string {
    return this.job.fields.key;
  }

  get attempts(): number {
    return this.job.fields.attempts;
  }

  private now(): string {
    return new Date(this.options.clock.now()).toISOString();
  }

  private async write(patch: Partial<BotJob>, record: DeliveryRecord): Promise<boolean> {
    const updated = await updateJob(this.store, this.job, { ...patch, payload: payloadOf(this.message, record) });
    if (!updated) return false;
    this.job = updated;
    this.record = record;
    return true;
  }

  /** Records the post about to happen, with the conversation it goes to; throws when the job is no longer ours. */
  async posting(conversation: Omit<Delivery, 'activityId'>): Promise<void> {
    // too little lease left for the post: another instance could claim the job while it is under way
    if (this.options.clock.now() > this.options.leaseEnd - postMarginMs) throw new SendError('the lease ran out before the post', 503);
    const sending: Attempt = { attempt: this.attempts, by: this.options.by, at: this.now(), conversationId: conversation.conversationId };
    const opened = conversation.createdReference ?? this.record.opened;
    if (!(await this.write({}, { ...this.record, ...(opened ? { opened } : {}), sending }))) {
      throw new LeaseLostError('another instance claimed the job before the post');
    }
  }

  /** The job is done, with its delivery; false when the lease had passed to another instance. */
  async done(delivery: Delivery): Promise<boolean> {
    const { sending: _sending, ...record } = this.record;
    const at = this.now();
    return this.write({ status: 'done', doneAt: at }, { ...record, delivery: { ...delivery, at, by: this.options.by } });
  }

  /**
   * Writes a failed attempt's outcome. `refused` says the connector answered that it took
   * nothing (a 4xx); otherwise a post this attempt recorded may have arrived, and stays unconfirmed.
   */
  async failed(patch: Partial<BotJob>, refused: boolean): Promise<boolean> {
    const { sending, ...record } = this.record;
    return this.write(patch, sending && !refused ? { ...record, unconfirmed: [...record.unconfirmed, sending] } : record);
  }
}
