import { StoreError } from './errors';
import type { GraphResponse, GraphTransport } from './graph-transport';

/** A bound on the pages of the site's lists followed in one lookup. */
const maxPages = 50;

interface ListsBody {
  readonly value?: readonly { readonly id?: unknown; readonly displayName?: unknown }[];
  readonly '@odata.nextLink'?: unknown;
}

/**
 * List ids by displayName. Every list of the site is looked up together, in one round trip
 * (`GET /sites/{site}/lists?$select=id,displayName`), and kept: a view that spans ten lists waits
 * for one lookup, not ten in a row. A name the site did not have is looked up once more (a list
 * provisioned since); a failed lookup is tried again next time. Only the store knows them.
 */
export class ListIds {
  private current: Promise<ReadonlyMap<string, string>> | undefined;

  constructor(
    private readonly transport: Pick<GraphTransport, 'request' | 'requestUrl'>,
    private readonly siteId: string,
    private readonly fail: (response: GraphResponse) => Error,
  ) {}

  /** Looks every list up now, so the first request after start waits for nothing (the server's start). */
  async warm(): Promise<void> {
    await (this.current ?? this.load());
  }

  /** `/sites/{site}/lists/{list-id}` for the list with this displayName. */
  async path(displayName: string): Promise<string> {
    const first = this.current ?? this.load();
    let id = (await first).get(displayName);
    // a lookup that started since ours may know it already; else look once more
    if (id === undefined) id = (await (this.current !== first && this.current ? this.current : this.load())).get(displayName);
    if (id === undefined) throw new StoreError(`the list "${displayName}" does not exist on the site`);
    return `/sites/${this.siteId}/lists/${id}`;
  }

  private load(): Promise<ReadonlyMap<string, string>> {
    const loading = this.lookup();
    this.current = loading;
    loading.catch(() => {
      if (this.current === loading) this.current = undefined;
    });
    return loading;
  }

  private async lookup(): Promise<ReadonlyMap<string, string>> {
    const ids = new Map<string, string>();
    let response = await this.transport.request('GET', `/sites/${this.siteId}/lists?$select=id,displayName`);
    for (let page = 1; ; page++) {
      if (response.status !== 200) throw this.fail(response);
      const body = (response.body ?? {}) as ListsBody;
      for (const list of body.value ?? []) {
        if (typeof list.id === 'string' && typeof list.displayName === 'string') ids.set(list.displayName, list.id);
      }
      const next = body['@odata.nextLink'];
      if (typeof next !== 'string') return ids;
      if (page >= maxPages) throw new StoreError(`the site's lists still page after ${maxPages} pages`);
      response = await this.transport.requestUrl(next);
    }
  }
}
