import { systemClock, type Clock } from '../clock';

export interface TokenBucketOptions {
  /** tokens gained per minute; also the bucket's size */
  readonly perMinute: number;
  readonly clock?: Clock;
}

/** A token bucket: `take(n)` waits until n tokens are there. Takers are served in order. */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private queue: Promise<void> = Promise.resolve();
  private readonly clock: Clock;

  constructor(private readonly options: TokenBucketOptions) {
    this.clock = options.clock ?? systemClock;
    this.tokens = options.perMinute;
    this.last = this.clock.now();
  }

  /** Tokens available now (after refilling). */
  available(): number {
    const now = this.clock.now();
    this.tokens = Math.min(this.options.perMinute, this.tokens + ((now - this.last) * this.options.perMinute) / 60_000);
    this.last = now;
    return this.tokens;
  }

  take(count: number): Promise<void> {
    const wanted = Math.min(count, this.options.perMinute);
    const turn = this.queue.then(() => this.acquire(wanted));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async acquire(count: number): Promise<void> {
    // bounded: each wait is computed to be enough, the loop only absorbs clock rounding
    for (let i = 0; i < 100 && this.available() < count; i++) {
      await this.clock.sleep(Math.ceil(((count - this.tokens) * 60_000) / this.options.perMinute));
    }
    this.tokens -= count;
  }
}
