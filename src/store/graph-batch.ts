/**
 * JSON batching: one `POST /$batch` per `batchLimit` (20) requests, Graph's limit per batch, checking
 * every inner status. graph-client does not retry throttled inner requests, so inner 429/503/504
 * are resent here, honouring their own Retry-After.
 */
import { systemClock, type Clock } from './clock';
import type { StoreError } from './errors';
import type { GraphTransport } from './graph-transport';
import { retryableStatuses, retryAfterMs } from './middleware/retry-after';
import { batchLimit } from './port';

export interface BatchRequest {
  readonly id: string;
  readonly method: 'GET' | 'POST';
  /** relative to the version root, e.g. /sites/{site}/lists/{list}/items/1?expand=fields */
  readonly url: string;
  readonly headers?: Record<string, string>;
  /** a POST's JSON body (its request then needs the Content-Type header) */
  readonly body?: unknown;
}

export interface BatchResponse {
  readonly id: string;
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

export interface BatchOptions {
  readonly maxAttempts?: number;
  readonly maxDelayMs?: number;
  readonly clock?: Clock;
  /** turns a failed outer $batch response into an error */
  readonly fail: (status: number, body: unknown, retryAfter: string | null) => StoreError;
}

function header(headers: Record<string, string> | undefined, name: string): string | undefined {
  const key = Object.keys(headers ?? {}).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : headers?.[key];
}

/** Sends the requests in batches of `batchLimit` and returns every final inner response by id. */
export async function sendBatch(transport: GraphTransport, requests: readonly BatchRequest[], options: BatchOptions): Promise<Map<string, BatchResponse>> {
  const clock = options.clock ?? systemClock;
  const maxAttempts = options.maxAttempts ?? 5;
  const maxDelayMs = options.maxDelayMs ?? 60_000;
  const results = new Map<string, BatchResponse>();
  for (let start = 0; start < requests.length; start += batchLimit) {
    let pending = requests.slice(start, start + batchLimit);
    for (let attempt = 1; pending.length > 0; attempt++) {
      const outer = await transport.request('POST', '/$batch', { requests: pending });
      if (outer.status !== 200) throw options.fail(outer.status, outer.body, outer.headers.get('Retry-After'));
      const responses = (outer.body as { responses?: BatchResponse[] } | undefined)?.responses ?? [];
      for (const response of responses) results.set(String(response.id), response);
      const again = responses.filter((r) => retryableStatuses.has(r.status));
      if (again.length === 0 || attempt >= maxAttempts) break;
      const asked = again.map((r) => retryAfterMs(header(r.headers, 'Retry-After'), clock.now()) ?? 0);
      const delay = Math.max(...asked, Math.min(maxDelayMs, 500 * 2 ** (attempt - 1)));
      if (delay > maxDelayMs) break;
      await clock.sleep(delay);
      const ids = new Set(again.map((r) => String(r.id)));
      pending = pending.filter((r) => ids.has(r.id));
    }
  }
  return results;
}
