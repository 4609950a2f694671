/**
 * The store over Microsoft Graph's SharePoint lists API. The same code talks to
 * https://graph.microsoft.com/v1.0 and to the local lists emulator; only the base URL and the
 * token provider differ. It is the only code that knows the site id and the list ids.
 */
import { randomUUID } from 'node:crypto';
import { sameValue } from '../domain';
import type { ListBinding, ListBindings } from './binding';
import type { ChangeFeed, ChangesPage, ChangesRead } from './changes';
import { systemClock, type Clock } from './clock';
import { ConflictError, NotFoundError, StoreError, UnavailableError } from './errors';
import { encodeFields } from './fields';
import { sendBatch, type BatchOptions, type BatchRequest, type BatchResponse } from './graph-batch';
import { firstDeltaUrl, readDelta, relativeLink } from './graph-changes';
import { translateGraphError, type ErrorContext } from './graph-errors';
import { isWholeItem, toStoredItem, type GraphListItem } from './graph-item';
import { GraphTransport, type GraphResponse } from './graph-transport';
import { ListIds } from './list-ids';
import { defaultUserAgent } from './middleware/user-agent-step';
import { itemsPath } from './odata';
import { decodePageToken, encodePageToken } from './page-token';
import { batchLimit, inReadOrder, type BatchRead, type BatchResult, type BatchResults, type CreateManyEntry, type CreateOptions, type Page, type Query, type Store, type StoredItem, type UpdateOptions, type WriteOptions } from './port';
import { pool } from './pool';
import { checkQuery } from './query-rules';
import { queryAllPages } from './read-all-pages';
import { validatePatch, validateWith } from './validate';

export interface GraphStoreOptions<M> {
  /** default 'https://graph.microsoft.com/v1.0'; the emulator's `baseUrl` locally */
  readonly baseUrl?: string;
  readonly siteId: string;
  readonly lists: ListBindings<M>;
  /** app-only token for Graph; absent = no Authorization header (the local emulator) */
  readonly tokenProvider?: () => Promise<string>;
  /** items per query page when the query gives no `top` (default 200) */
  readonly pageSize?: number;
  /** items per page of a list's changes (delta), default 1000 */
  readonly changesPageSize?: number;
  readonly fetch?: typeof fetch;
  /** default `NONISV|Kvalitetshjulet|Kvalitetshjulet/<appVersion>` */
  readonly userAgent?: string;
  readonly appVersion?: string;
  readonly retry?: { readonly maxAttempts?: number; readonly maxDelayMs?: number };
  /** SharePoint's per-app budget; default 1,250 resource units a minute (the smallest tenants') */
  readonly throttle?: { readonly resourceUnitsPerMinute: number };
  readonly clock?: Clock;
}

/** `$batch`es of creates a `createMany` keeps in flight */
const batchesInFlight = 4;
/** how often a `$batch` of creates that got no answer at all is sent */
const unansweredBatchAttempts = 4;

const nonIndexedPrefer = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };

interface ItemsBody {
  readonly value?: GraphListItem[];
  readonly '@odata.nextLink'?: string;
}

/** The Graph store: the port with its change feed, and the start-up step only the composition root calls. */
export interface GraphStore<M> extends Store<M>, ChangeFeed<M> {
  /** Looks up every list id in one round trip, so the first view after start is one `$batch` like every other. */
  warm(): Promise<void>;
}

class GraphListsStore<M> implements GraphStore<M> {
  private readonly transport: GraphTransport;
  private readonly listIds: ListIds;
  private readonly pageSize: number;
  private readonly changesPageSize: number;

  constructor(private readonly options: GraphStoreOptions<M>) {
    this.pageSize = options.pageSize ?? 200;
    this.changesPageSize = options.changesPageSize ?? 1000;
    this.transport = new GraphTransport({
      baseUrl: options.baseUrl ?? 'https://graph.microsoft.com/v1.0',
      userAgent: options.userAgent ?? defaultUserAgent(options.appVersion ?? '0.1.0'),
      resourceUnitsPerMinute: options.throttle?.resourceUnitsPerMinute ?? 1250,
      ...(options.tokenProvider ? { tokenProvider: options.tokenProvider } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.retry ? { retry: options.retry } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
    });
    this.listIds = new ListIds(this.transport, options.siteId, (response) => translateGraphError(response.status, response.body, response.headers.get('Retry-After'), { list: 'lists' }));
  }

  warm(): Promise<void> {
    return this.listIds.warm();
  }

  async get<K extends keyof M & string>(list: K, id: string): Promise<StoredItem<M[K]>> {
    const path = await this.listPath(list);
    const response = await this.transport.request('GET', `${path}/items/${encodeURIComponent(id)}?expand=fields`);
    if (response.status !== 200) throw this.fail(response, { list, id });
    return toStoredItem(this.binding(list), response.body as GraphListItem);
  }

  async query<K extends keyof M & string>(list: K, query: Query = {}): Promise<Page<M[K]>> {
    const { needsNonIndexed } = checkQuery(this.binding(list).definition, query);
    let response: GraphResponse;
    if (query.pageToken) {
      const token = decodePageToken(query.pageToken, list);
      response = await this.transport.requestUrl(token.next, token.nonIndexed ? nonIndexedPrefer : {});
    } else {
      const path = await this.listPath(list);
      response = await this.transport.request('GET', itemsPath(path, this.binding(list).definition, query, this.pageSize), undefined, needsNonIndexed ? nonIndexedPrefer : {});
    }
    if (response.status !== 200) throw this.fail(response, { list });
    return this.toPage(list, response.body as ItemsBody, needsNonIndexed);
  }

  queryAll<K extends keyof M & string>(list: K, query: Omit<Query, 'pageToken'> = {}): Promise<StoredItem<M[K]>[]> {
    return queryAllPages(this, list, query);
  }

  /**
   * Idempotent by client key: the key's column is unique, so a POST resent after a lost answer
   * gets a 409 and the first item is returned; after any other failure the key is looked up too.
   * A 409 may name another unique column that the first item also holds: the key decides first.
   */
  async create<K extends keyof M & string>(list: K, fields: M[K], options: CreateOptions): Promise<StoredItem<M[K]>> {
    const binding = this.binding(list);
    const entity = validateWith(list, binding.schema, fields);
    const clientKey = options.clientKey ?? randomUUID();
    const body = { fields: encodeFields(binding.definition, entity as Record<string, unknown>, { clientKey, createdByUser: options.actor, modifiedByUser: options.actor }) };
    const path = await this.listPath(list);
    let response: GraphResponse;
    try {
      response = await this.transport.request('POST', `${path}/items`, body);
    } catch (error) {
      const existing = await this.byClientKey(list, clientKey).catch(() => undefined);
      if (existing) return existing;
      throw error;
    }
    if (response.status === 201 || response.status === 200) return toStoredItem(binding, response.body as GraphListItem);
    if (response.status === 409 || response.status >= 500 || response.status === 429) {
      const existing = await this.byClientKey(list, clientKey).catch(() => undefined);
      if (existing) return existing;
    }
    throw this.fail(response, { list });
  }

  /**
   * `create` for many: every entry validated first, then `batchLimit` to a `$batch`, a few batches
   * in flight (the throttle step paces them to the budget; throttled inner requests are resent).
   * Each entry is settled as `create` settles one: a 409, a 5xx or no answer is looked up by its
   * client key, so a resent call (after a crash, say) makes no duplicates.
   */
  async createMany<K extends keyof M & string>(list: K, entries: readonly CreateManyEntry<M[K]>[], options: WriteOptions): Promise<StoredItem<M[K]>[]> {
    const binding = this.binding(list);
    const bodies = entries.map((entry) => ({
      fields: encodeFields(binding.definition, validateWith(list, binding.schema, entry.fields) as Record<string, unknown>, { clientKey: entry.clientKey, createdByUser: options.actor, modifiedByUser: options.actor }),
    }));
    const path = await this.listPath(list);
    const items = new Array<StoredItem<M[K]>>(entries.length);
    const starts = Array.from({ length: Math.ceil(entries.length / batchLimit) }, (_, n) => n * batchLimit);
    await pool(starts.map((start) => async () => {
      const requests: BatchRequest[] = bodies.slice(start, start + batchLimit).map((body, offset) => ({
        id: String(start + offset), method: 'POST', url: `${path}/items`, headers: { 'Content-Type': 'application/json' }, body,
      }));
      const responses = await this.sendCreates(requests);
      for (const request of requests) {
        const index = Number(request.id);
        const response = responses.get(request.id);
        if (response && (response.status === 201 || response.status === 200)) {
          items[index] = toStoredItem(binding, response.body as GraphListItem);
          continue;
        }
        const settle = !response || response.status === 409 || response.status === 429 || response.status >= 500;
        const existing = settle ? await this.byClientKey(list, entries[index]?.clientKey ?? '').catch(() => undefined) : undefined;
        if (existing) {
          items[index] = existing;
          continue;
        }
        if (!response) throw new StoreError(`$batch gave no answer for the create of item ${index + 1} in ${list}`);
        throw translateGraphError(response.status, response.body, response.headers?.['Retry-After'] ?? response.headers?.['retry-after'], { list, uniqueColumns: this.uniqueColumns(list) });
      }
    }), batchesInFlight);
    return items;
  }

  /**
   * Updates with If-Match. A write whose answer was lost (a reset, a 5xx, or a 412 after a resend,
   * when the first attempt was applied) is settled by reading the item: carrying exactly this
   * change, written by this actor, it succeeded; still at the eTag sent, it was not made and is
   * sent once more (If-Match makes that safe); anything else is a conflict with the item as it is.
   */
  async update<K extends keyof M & string>(list: K, id: string, patch: Partial<M[K]>, options: UpdateOptions): Promise<StoredItem<M[K]>> {
    const binding = this.binding(list);
    const valid = validatePatch(list, binding.schema, patch);
    // a field set to undefined in the patch clears the column
    const cleared = Object.fromEntries(Object.entries(patch).filter(([, value]) => value === undefined));
    const change = { ...(valid as Record<string, unknown>), ...cleared };
    const fields = encodeFields(binding.definition, change, { modifiedByUser: options.actor });
    const path = await this.listPath(list);
    const send = () => this.transport.request('PATCH', `${path}/items/${encodeURIComponent(id)}/fields`, fields, { 'If-Match': options.etag });
    let response: GraphResponse;
    try {
      response = await send();
    } catch {
      // no answer at all: made, not made, or changed by someone else meanwhile
      const now = await this.get(list, id);
      if (carries(now, change, options.actor)) return now;
      if (now.etag !== options.etag) throw new ConflictError(list, id, now);
      response = await send();
    }
    if (response.status === 412) {
      const now = await this.find(list, id);
      // after a resend, the 412 may answer the first attempt's own change, applied, its answer lost
      if (now && response.attempts > 1 && carries(now, change, options.actor)) return now;
      throw new ConflictError(list, id, now);
    }
    if (response.status >= 500) {
      // the last attempt failed, but an earlier one may have been applied
      const now = await this.find(list, id);
      if (now && carries(now, change, options.actor)) return now;
    }
    if (response.status !== 200) throw this.fail(response, { list, id });
    const body = (response.body ?? {}) as Record<string, unknown>;
    if (isWholeItem(binding, body)) return toStoredItem(binding, { id, fields: body });
    return this.get(list, id);
  }

  /**
   * Deletes with If-Match. A delete whose answer was lost is settled by reading: gone, it was made
   * (a resend that answers 404 is the first attempt's success); still at the eTag sent, it is sent
   * once more; changed meanwhile, a conflict.
   */
  async delete<K extends keyof M & string>(list: K, id: string, options: UpdateOptions): Promise<void> {
    const path = await this.listPath(list);
    const send = () => this.transport.request('DELETE', `${path}/items/${encodeURIComponent(id)}`, undefined, { 'If-Match': options.etag });
    let response: GraphResponse;
    try {
      response = await send();
    } catch {
      const now = await this.find(list, id);
      if (!now) return;
      if (now.etag !== options.etag) throw new ConflictError(list, id, now);
      response = await send();
    }
    if (response.status === 404 && response.attempts > 1) return;
    if (response.status === 412) throw await this.conflict(list, id);
    if (response.status >= 500 && !(await this.find(list, id))) return;
    if (response.status !== 204 && response.status !== 200) throw this.fail(response, { list, id });
  }

  async readMany<const R extends readonly BatchRead<M>[]>(reads: R): Promise<BatchResults<M, R>> {
    const targets = await Promise.all(reads.map((read) => this.batchTarget(read)));
    const requests: BatchRequest[] = targets.map((target, index) => ({ id: String(index + 1), method: 'GET', ...target }));
    const responses = await sendBatch(this.transport, requests, this.batchOptions());
    const answers = reads.map((read, index): BatchResult<M> => {
      const response = responses.get(String(index + 1));
      if (!response) throw new StoreError(`$batch gave no answer for read ${index + 1}`);
      const context = { list: read.list, ...('id' in read ? { id: read.id } : {}), uniqueColumns: this.uniqueColumns(read.list) };
      if (response.status !== 200) throw translateGraphError(response.status, response.body, response.headers?.['Retry-After'] ?? response.headers?.['retry-after'], context);
      if ('id' in read) return { item: toStoredItem(this.binding(read.list), response.body as GraphListItem) };
      return { page: this.toPage(read.list, response.body as ItemsBody, checkQuery(this.binding(read.list).definition, read.query).needsNonIndexed) };
    });
    return inReadOrder<M, R>(reads, answers);
  }

  async changes(reads: readonly ChangesRead<keyof M & string>[]): Promise<ChangesPage<M[keyof M & string]>[]> {
    const requests = await Promise.all(reads.map(async (read) => ({
      list: read.list,
      binding: this.binding(read.list),
      url: read.token === undefined ? firstDeltaUrl(await this.listPath(read.list), this.changesPageSize) : relativeLink(this.transport.baseUrl, read.token),
    })));
    return readDelta(this.transport, requests, {
      ...this.options.retry,
      ...(this.options.clock ? { clock: this.options.clock } : {}),
      fail: translateGraphError,
    });
  }

  private async batchTarget(read: BatchRead<M>): Promise<{ url: string; headers?: Record<string, string> }> {
    const path = await this.listPath(read.list);
    if ('id' in read) return { url: `${path}/items/${encodeURIComponent(read.id)}?expand=fields` };
    const definition = this.binding(read.list).definition;
    const { needsNonIndexed } = checkQuery(definition, read.query);
    const headers = needsNonIndexed ? { headers: nonIndexedPrefer } : {};
    if (!read.query.pageToken) return { url: itemsPath(path, definition, read.query, this.pageSize), ...headers };
    return { url: relativeLink(this.transport.baseUrl, decodePageToken(read.query.pageToken, read.list).next), ...headers };
  }

  private toPage<K extends keyof M & string>(list: K, body: ItemsBody, nonIndexed: boolean): Page<M[K]> {
    const items = (body.value ?? []).map((item) => toStoredItem(this.binding(list), item));
    const next = body['@odata.nextLink'];
    return next ? { items, nextPageToken: encodePageToken({ list, next, nonIndexed }) } : { items };
  }

  /**
   * A `$batch` of creates, sent again when it got no answer at all (a connection closed under
   * it): every create in it carries its client key, so what the first one made answers 409 and
   * is looked up, never made twice.
   */
  private async sendCreates(requests: readonly BatchRequest[]): Promise<Map<string, BatchResponse>> {
    const clock = this.options.clock ?? systemClock;
    for (let attempt = 1; ; attempt++) {
      try {
        return await sendBatch(this.transport, requests, this.batchOptions());
      } catch (error) {
        if (!(error instanceof UnavailableError) || attempt >= unansweredBatchAttempts) throw error;
        await clock.sleep(250 * attempt);
      }
    }
  }

  private batchOptions(): BatchOptions {
    return {
      ...this.options.retry,
      ...(this.options.clock ? { clock: this.options.clock } : {}),
      fail: (status, body, retryAfter) => translateGraphError(status, body, retryAfter, { list: '$batch' }),
    };
  }

  private async byClientKey<K extends keyof M & string>(list: K, clientKey: string): Promise<StoredItem<M[K]> | undefined> {
    const page = await this.query(list, { filter: [{ field: 'clientKey', op: 'eq', value: clientKey }], top: 1 });
    return page.items[0];
  }

  private async conflict<K extends keyof M & string>(list: K, id: string): Promise<ConflictError<M[K]>> {
    return new ConflictError(list, id, await this.find(list, id));
  }

  /** The item, or undefined when it does not exist. */
  private async find<K extends keyof M & string>(list: K, id: string): Promise<StoredItem<M[K]> | undefined> {
    try {
      return await this.get(list, id);
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  private fail(response: GraphResponse, context: ErrorContext): StoreError {
    return translateGraphError(response.status, response.body, response.headers.get('Retry-After'), { ...context, uniqueColumns: this.uniqueColumns(context.list) });
  }

  private uniqueColumns(list: string): string[] {
    const binding = (this.options.lists as Record<string, ListBinding<unknown> | undefined>)[list];
    return ['clientKey', ...(binding?.definition.columns.filter((c) => c.unique).map((c) => c.name) ?? [])];
  }

  private binding<K extends keyof M & string>(list: K): ListBinding<M[K]> {
    const binding = this.options.lists[list] as ListBinding<M[K]> | undefined;
    if (!binding) throw new StoreError(`unknown list ${list}`);
    return binding;
  }

  private listPath(list: keyof M & string): Promise<string> {
    return this.listIds.path(this.binding(list).definition.displayName);
  }
}

/** Whether the item carries exactly `change` (undefined: cleared), written by `actor`: our own write. */
function carries(item: StoredItem<unknown>, change: Record<string, unknown>, actor: string): boolean {
  const fields = item.fields as Record<string, unknown>;
  return item.modifiedByUser === actor && Object.entries(change).every(([name, value]) => sameValue(fields[name], value));
}

/** Creates the Graph store. */
export function createGraphStore<M>(options: GraphStoreOptions<M>): GraphStore<M> {
  return new GraphListsStore(options);
}
