/**
 * Wiring (a file of the composition root, named in eslint.config.js): Microsoft 365 mode's
 * directory, the Graph directory over a Graph transport of its own. Auth knows the directory's
 * transport port only; this file knows the concrete transport.
 */
import { GraphDirectory } from './auth/directory-graph';
import type { Clock } from './store/clock';
import { GraphTransport } from './store/graph-transport';
import type { RetryOptions } from './store/middleware/retry-step';
import { defaultUserAgent } from './store/middleware/user-agent-step';

export interface GraphDirectoryWiring {
  /** e.g. 'https://graph.microsoft.com/v1.0' */
  readonly baseUrl: string;
  /** app-only Graph tokens (the store's token provider) */
  readonly tokenProvider?: () => Promise<string>;
  readonly fetch?: typeof fetch;
  /** default: 3 attempts, never waiting longer than 10 s (a person waits for the picker) */
  readonly retry?: Omit<RetryOptions, 'clock'>;
  readonly clock?: Clock;
  /** where a degradation is reported (once per kind) */
  readonly warn?: (event: string, fields: Readonly<Record<string, string | number>>) => void;
  /** the Entra app whose role assignments count (the client id) */
  readonly appId?: string;
}

export function createGraphDirectory(options: GraphDirectoryWiring): GraphDirectory {
  const transport = new GraphTransport({
    baseUrl: options.baseUrl,
    ...(options.tokenProvider ? { tokenProvider: options.tokenProvider } : {}),
    userAgent: defaultUserAgent('0.1.0'),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    retry: options.retry ?? { maxAttempts: 3, maxDelayMs: 10_000 },
    // directory reads are no SharePoint resource units: Graph's own throttling (429) governs them
    resourceUnitsPerMinute: 1_000_000,
  });
  return new GraphDirectory({ transport, ...(options.warn ? { warn: options.warn } : {}), ...(options.appId ? { appId: options.appId } : {}) });
}
