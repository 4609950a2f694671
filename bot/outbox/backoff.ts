/** Exponential backoff with full jitter; a server's Retry-After is a floor, never shortened. */
export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
  random?: () => number;
}

export function backoffDelay(attempt: number, retryAfterMs: number | undefined, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? 500;
  const max = options.maxMs ?? 60_000;
  const random = options.random ?? Math.random;
  const ceiling = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(ceiling / 2 + (random() * ceiling) / 2);
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** Which failures are worth another try: throttling, server errors and lost connections. */
export function isRetryable(status: number | undefined): boolean {
  return status === undefined || status === 408 || status === 412 || status === 429 || status >= 500;
}
