/**
 * A bounded LRU of activities already handled (or being handled), with the response each got, so
 * that a redelivered activity is answered the same way without running its handler again.
 * Across restarts the store carries the idempotence: jobs, responses and references are keyed.
 */
export interface HandledResponse {
  status: number;
  body?: unknown;
}

export class RecentActivities {
  private readonly entries = new Map<string, Promise<HandledResponse>>();
  constructor(private readonly capacity = 10_000) {}

  /** The first call for a key runs `handle`; later calls get the first call's response. */
  run(key: string, handle: () => Promise<HandledResponse>): { duplicate: boolean; response: Promise<HandledResponse> } {
    const existing = this.entries.get(key);
    if (existing) {
      this.entries.delete(key);
      this.entries.set(key, existing);
      return { duplicate: true, response: existing };
    }
    const response = handle();
    this.entries.set(key, response);
    // Only handled activities are remembered: a failed attempt may be retried by the channel, and a
    // request refused (e.g. without a valid token) must not shadow the real one with the same id.
    response.then((r) => { if (r.status >= 300) this.entries.delete(key); }, () => this.entries.delete(key));
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return { duplicate: false, response };
  }
}
