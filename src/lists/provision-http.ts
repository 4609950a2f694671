/**
 * The small HTTP client provisioning needs: JSON requests to a Graph base URL with an optional
 * bearer token, a User-Agent, and retries on 429/503/504 that honour Retry-After.
 */

/** A Graph request that failed; `code` and `message` come from Graph's error body when present. */
export class GraphRequestError extends Error {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number,
    readonly code: string,
    detail: string,
  ) {
    super(`${method} ${url} → ${status} ${code}: ${detail}`);
    this.name = 'GraphRequestError';
  }
}

export interface GraphClientOptions {
  /** e.g. https://graph.microsoft.com/v1.0 or the emulator's http://127.0.0.1:<port>/v1.0 */
  baseUrl: string;
  fetch?: typeof fetch;
  /** no token provider = no Authorization header (a loopback emulator) */
  tokenProvider?: () => Promise<string>;
  /** attempts per request, including the first (default 5) */
  maxAttempts?: number;
  /** longest wait honoured from one Retry-After, in ms (default 60 s) */
  maxRetryDelayMs?: number;
  /** injectable for tests */
  sleep?: (ms: number) => Promise<void>;
  /** Graph asks for `NONISV|<company>|<app>/<version>` so it can attribute throttling */
  userAgent?: string;
}

export interface GraphClient {
  request<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T>;
}

const retryableStatuses = new Set([429, 503, 504]);
const defaultUserAgent = 'NONISV|Kvalitetshjulet|Kvalitetshjulet/provision';

/** Retry-After in seconds or as an HTTP date; falls back to exponential backoff. */
export function retryDelayMs(header: string | null, attempt: number, now = Date.now()): number {
  if (header !== null && header.trim() !== '') {
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  return Math.min(1000 * 2 ** (attempt - 1), 30_000);
}

async function graphErrorOf(response: Response): Promise<{ code: string; message: string }> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    return { code: String(body.error?.code ?? response.statusText), message: String(body.error?.message ?? text) };
  } catch {
    return { code: response.statusText || 'error', message: text };
  }
}

/** Creates the client; paths are relative to `baseUrl` and start with a slash. */
export function createGraphClient(options: GraphClientOptions): GraphClient {
  const doFetch = options.fetch ?? fetch;
  const maxAttempts = options.maxAttempts ?? 5;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 60_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const base = options.baseUrl.replace(/\/+$/, '');
  const userAgent = options.userAgent ?? defaultUserAgent;

  return {
    async request<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
      const url = `${base}${path}`;
      for (let attempt = 1; ; attempt += 1) {
        const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': userAgent };
        if (body !== undefined) headers['Content-Type'] = 'application/json';
        if (options.tokenProvider) headers['Authorization'] = `Bearer ${await options.tokenProvider()}`;
        const response = await doFetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
        if (response.ok) return (response.status === 204 ? undefined : await response.json()) as T;
        if (retryableStatuses.has(response.status) && attempt < maxAttempts) {
          await response.body?.cancel();
          await sleep(Math.min(retryDelayMs(response.headers.get('Retry-After'), attempt), maxRetryDelayMs));
          continue;
        }
        const { code, message } = await graphErrorOf(response);
        throw new GraphRequestError(method, url, response.status, code, message);
      }
    },
  };
}
