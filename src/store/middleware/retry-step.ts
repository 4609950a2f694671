import type { Context } from '@microsoft/microsoft-graph-client';
import { systemClock, type Clock } from '../clock';
import { Attempts } from './attempts';
import { setRequestHeader } from './request-headers';
import { retryableStatuses, retryAfterMs } from './retry-after';
import { Step } from './step';

export interface RetryOptions {
  /** attempts in all, the first included */
  readonly maxAttempts?: number;
  /** the longest wait; a Retry-After beyond it ends retrying (we never retry sooner than asked) */
  readonly maxDelayMs?: number;
  /** the first backoff when Retry-After is absent; doubles per attempt */
  readonly baseDelayMs?: number;
  readonly clock?: Clock;
  readonly random?: () => number;
}

/**
 * Retries 429/503/504, honouring Retry-After, else exponential backoff with full jitter. It resends
 * POSTs too: creates are made safe by the client key (see graph-store.ts), not by this step.
 */
export class RetryStep extends Step {
  private readonly maxAttempts: number;
  private readonly maxDelayMs: number;
  private readonly baseDelayMs: number;
  private readonly clock: Clock;
  private readonly random: () => number;

  constructor(options: RetryOptions = {}) {
    super();
    this.maxAttempts = options.maxAttempts ?? 5;
    this.maxDelayMs = options.maxDelayMs ?? 60_000;
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
  }

  async execute(context: Context): Promise<void> {
    const body = context.options?.body;
    const resendable = body === undefined || body === null || typeof body === 'string';
    const attempts = Attempts.of(context);
    for (let attempt = 1; ; attempt++) {
      if (attempts) attempts.count = attempt;
      await this.forward(context);
      const response = context.response;
      if (!response || !retryableStatuses.has(response.status) || attempt >= this.maxAttempts || !resendable) return;
      const delay = this.delayFor(response, attempt);
      if (delay === undefined) return;
      await response.body?.cancel();
      await this.clock.sleep(delay);
      setRequestHeader(context, 'Retry-Attempt', String(attempt));
    }
  }

  private delayFor(response: Response, attempt: number): number | undefined {
    const asked = retryAfterMs(response.headers.get('Retry-After'), this.clock.now());
    if (asked !== undefined) return asked <= this.maxDelayMs ? asked : undefined;
    return Math.round(this.random() * Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 1)));
  }
}
