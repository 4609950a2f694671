import type { Faults } from './faults';
import type { ListStore } from './list-store';
import type { SiteInfo } from './shapes';
import type { SiteState } from './site-state';

/** One request as the router sees it, whether it came over HTTP or inside a $batch. */
export interface EmulatorRequest {
  readonly method: string;
  /** path and query below `/v1.0`, e.g. `/sites/{id}/lists?$filter=...` */
  readonly url: string;
  /** lower-case names */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

export interface EmulatorResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

export interface RouterContext {
  readonly state: SiteState;
  readonly site: SiteInfo;
  readonly faults: Faults;
  readonly listViewThreshold: number;
  /** the emulator's own absolute base, e.g. `http://127.0.0.1:41234/v1.0` */
  baseUrl(): string;
}

/** What a list route handler gets: the resolved list, the rest of the path and the query. */
export interface ListRoute {
  readonly context: RouterContext;
  readonly request: EmulatorRequest;
  readonly list: ListStore;
  readonly rest: readonly string[];
  readonly query: URLSearchParams;
}

/** Reads `$name` or `name`: Graph accepts both spellings of system query options. */
export function option(query: URLSearchParams, name: string): string | undefined {
  return query.get(`$${name}`) ?? query.get(name) ?? undefined;
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): EmulatorResponse => ({
  status,
  headers: { 'Content-Type': 'application/json', ...headers },
  body,
});
