import { throttled, unavailable, type GraphError } from './errors';

export interface FaultOptions {
  /** added before every response (once per HTTP request, also for a $batch) */
  latencyMs?: number;
  /** every Nth request answers 429 with Retry-After and Graph's throttling body */
  throttle?: { everyNth: number; retryAfterSeconds: number };
  /** every Nth request answers 503 */
  unavailableEveryNth?: number;
  /** every request whose path or query contains this text answers 503 (e.g. '/items/delta') */
  unavailableMatching?: string;
  /**
   * every Nth write that succeeds (POST, PATCH, DELETE) is applied, and then its answer is lost:
   * a 503 in its place, or the connection reset before any answer
   */
  lostAnswer?: { everyNth: number; as: LostAnswer };
}

/** How an applied write's answer is lost. */
export type LostAnswer = 'unavailable' | 'reset';

/** Thrown where an answer is lost by a reset: the HTTP front destroys the connection instead of answering. */
export class ConnectionReset extends Error {
  override readonly name = 'ConnectionReset';
}

export interface FaultStats {
  /** routed requests: each inner $batch request is one, the envelope is none */
  requests: number;
  /** HTTP requests received: a $batch is one, whatever it holds */
  roundTrips: number;
  throttled: number;
  unavailable: number;
  /** applied writes whose answer was lost */
  lostAnswers: number;
}

/** Counts requests (each inner $batch request is one) and round trips, and decides which requests fail or lose their answer. */
export class Faults {
  private options: FaultOptions;
  private readonly counters: FaultStats = { requests: 0, roundTrips: 0, throttled: 0, unavailable: 0, lostAnswers: 0 };
  private writes = 0;

  constructor(options: FaultOptions = {}) {
    this.options = { ...options };
  }

  set(options: FaultOptions): void {
    this.options = { ...options };
  }

  get latencyMs(): number {
    return Math.max(0, this.options.latencyMs ?? 0);
  }

  /** Counts one HTTP request, before it is routed. */
  countRoundTrip(): void {
    this.counters.roundTrips++;
  }

  /** Counts one request; returns the error it must answer with, if any. */
  next(url: string): GraphError | undefined {
    const n = ++this.counters.requests;
    const matching = this.options.unavailableMatching;
    if (matching && url.includes(matching)) {
      this.counters.unavailable++;
      return unavailable();
    }
    const throttle = this.options.throttle;
    if (throttle && throttle.everyNth > 0 && n % throttle.everyNth === 0) {
      this.counters.throttled++;
      return throttled(throttle.retryAfterSeconds);
    }
    const every = this.options.unavailableEveryNth;
    if (every && every > 0 && n % every === 0) {
      this.counters.unavailable++;
      return unavailable();
    }
    return undefined;
  }

  /** Counts one applied write; returns how its answer is lost, if it is. */
  afterWrite(): LostAnswer | undefined {
    const lost = this.options.lostAnswer;
    if (!lost || lost.everyNth <= 0) return undefined;
    if (++this.writes % lost.everyNth !== 0) return undefined;
    this.counters.lostAnswers++;
    return lost.as;
  }

  stats(): FaultStats {
    return { ...this.counters };
  }
}
