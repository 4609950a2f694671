/**
 * Graph over graph-client with our own middleware chain. Relative requests go through
 * `client.api()`; absolute ones (nextLinks) go straight into the same chain, because `client.api()`
 * rewrites absolute http URLs.
 */
import { Client, ResponseType, TelemetryHandler, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import { invariant } from '../domain';
import type { Clock } from './clock';
import { StoreError, UnavailableError } from './errors';
import { Attempts } from './middleware/attempts';
import { AuthStep } from './middleware/auth-step';
import { FetchStep } from './middleware/fetch-step';
import { RetryStep, type RetryOptions } from './middleware/retry-step';
import { ThrottleStep } from './middleware/throttle-step';
import { TokenBucket } from './middleware/token-bucket';
import { UserAgentStep } from './middleware/user-agent-step';

export interface GraphResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
  /** how many times the request was sent (RetryStep resends 429/503/504) */
  readonly attempts: number;
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface GraphTransportOptions {
  /** e.g. 'https://graph.microsoft.com/v1.0' */
  readonly baseUrl: string;
  readonly tokenProvider?: () => Promise<string>;
  readonly userAgent: string;
  readonly fetch?: typeof fetch;
  readonly retry?: Omit<RetryOptions, 'clock'>;
  readonly resourceUnitsPerMinute: number;
  readonly clock?: Clock;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function unreachable(error: unknown): UnavailableError {
  // graph-client wraps what the chain throws in a GraphError whose `body` is the original error
  const cause = error instanceof Error ? error : (error as { body?: unknown } | undefined)?.body;
  const message = cause instanceof Error ? cause.message : String((error as { message?: unknown } | undefined)?.message ?? error);
  return new UnavailableError(`Graph could not be reached: ${message}`);
}

export class GraphTransport {
  private readonly client: Client;
  private readonly first: Middleware;
  private readonly customHosts: Set<string>;
  readonly baseUrl: string;

  constructor(options: GraphTransportOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    const url = new URL(this.baseUrl);
    const version = url.pathname.replace(/^\/+/, '');
    this.customHosts = new Set([url.hostname]);
    const chain: Middleware[] = [
      new TelemetryHandler(),
      new UserAgentStep(options.userAgent),
      ...(options.tokenProvider ? [new AuthStep({ tokenProvider: options.tokenProvider })] : []),
      new RetryStep({ ...options.retry, ...(options.clock ? { clock: options.clock } : {}) }),
      new ThrottleStep(new TokenBucket({ perMinute: options.resourceUnitsPerMinute, ...(options.clock ? { clock: options.clock } : {}) })),
      new FetchStep(options.fetch),
    ];
    this.first = chain[0] as Middleware;
    this.client = Client.initWithMiddleware({ middleware: chain, baseUrl: url.origin, defaultVersion: version, customHosts: this.customHosts });
  }

  /**
   * A request relative to the base URL; the path's query values must already be URL-encoded.
   * A request that gets no answer at all (network, DNS, TLS) raises UnavailableError.
   */
  async request(method: Method, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<GraphResponse> {
    const attempts = new Attempts();
    const request = this.client.api(path).headers(headers).middlewareOptions([attempts]).responseType(ResponseType.RAW);
    try {
      const response: Response =
        method === 'GET' ? await request.get() : method === 'POST' ? await request.post(body) : method === 'PATCH' ? await request.patch(body) : await request.delete();
      return { status: response.status, headers: response.headers, body: await readBody(response), attempts: Math.max(1, attempts.count) };
    } catch (error) {
      throw unreachable(error);
    }
  }

  /** A GET of an absolute URL on our base (a nextLink), exactly as given, through the same chain. */
  async requestUrl(url: string, headers: Record<string, string> = {}): Promise<GraphResponse> {
    if (!url.startsWith(`${this.baseUrl}/`)) throw new StoreError(`refusing to follow a link outside ${this.baseUrl}`);
    const context: Context = { request: url, options: { method: 'GET', headers: { ...headers } }, customHosts: this.customHosts };
    await this.first.execute(context).catch((error: unknown) => {
      throw unreachable(error);
    });
    const response = context.response;
    invariant(response, 'the middleware chain returned no response');
    return { status: response.status, headers: response.headers, body: await readBody(response), attempts: 1 };
  }
}
