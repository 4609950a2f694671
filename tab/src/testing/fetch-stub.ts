/** One request the stub saw. */
export interface SeenRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A handler answers a JSON body (200), or `{ status, body }` for anything else. */
export type StubAnswer = unknown | { status: number; body?: unknown; problem?: boolean };
export type StubHandler = (request: SeenRequest) => StubAnswer;

/** A status-carrying answer, so handlers can return 201, 409 and friends. */
export function reply(status: number, body?: unknown, problem = status >= 400): { status: number; body?: unknown; problem: boolean } {
  return { status, body, problem };
}

function isReply(value: unknown): value is { status: number; body?: unknown; problem?: boolean } {
  return Boolean(value && typeof value === 'object' && 'status' in value && typeof (value as { status: unknown }).status === 'number' && Object.keys(value).every((k) => ['status', 'body', 'problem'].includes(k)));
}

/**
 * A fetch that answers only the routes it is given ("GET /api/me", path with query) and fails the
 * test on anything else: no request goes unnoticed.
 */
export function stubFetch(routes: Record<string, StubHandler>): { fetch: typeof fetch; seen: SeenRequest[] } {
  const seen: SeenRequest[] = [];
  const fetchStub = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input), 'http://tab.test');
    const method = (init.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const request: SeenRequest = { method, path: url.pathname + url.search, headers, body: init.body ? JSON.parse(String(init.body)) : undefined };
    seen.push(request);
    const handler = routes[`${method} ${url.pathname + url.search}`] ?? routes[`${method} ${url.pathname}`];
    if (!handler) throw new Error(`unexpected request: ${method} ${url.pathname + url.search}`);
    const answer = handler(request);
    const { status, body, problem } = isReply(answer) ? { problem: false, ...answer } : { status: 200, body: answer, problem: false };
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': problem ? 'application/problem+json' : 'application/json' },
    });
  };
  return { fetch: fetchStub as typeof fetch, seen };
}
