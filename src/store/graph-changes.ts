/**
 * The change feed over Graph: `GET .../items/delta?$expand=fields` per list, every read of a round
 * in one `$batch`, nextLinks and deltaLinks followed exactly as given. A 410 (the token's changes
 * are gone) is an answer: enumerate again from its Location.
 */
import type { ListBinding } from './binding';
import type { ChangesPage } from './changes';
import { StoreError } from './errors';
import { sendBatch, type BatchOptions, type BatchResponse } from './graph-batch';
import { toStoredItem, type GraphListItem } from './graph-item';
import type { ErrorContext } from './graph-errors';
import type { GraphTransport } from './graph-transport';
import type { StoredItem } from './port';

/** One delta request: the list's binding and where to read (the first page, or a link Graph gave). */
export interface DeltaRequest<T> {
  readonly list: string;
  readonly binding: ListBinding<T>;
  /** relative to the version root */
  readonly url: string;
}

export interface DeltaOptions extends Omit<BatchOptions, 'fail'> {
  readonly fail: (status: number, body: unknown, retryAfter: string | null | undefined, context: ErrorContext) => StoreError;
}

interface DeltaEntry extends GraphListItem {
  readonly deleted?: unknown;
  readonly '@removed'?: unknown;
}

interface DeltaBody {
  readonly value?: readonly DeltaEntry[];
  readonly '@odata.nextLink'?: string;
  readonly '@odata.deltaLink'?: string;
}

/** The first page of a list's delta: every item with its fields, `pageSize` a page. */
export function firstDeltaUrl(listPath: string, pageSize: number): string {
  return `${listPath}/items/delta?$expand=fields&$top=${pageSize}`;
}

/** A link Graph gave (absolute, on our base: a nextLink, a deltaLink) as the relative url a `$batch` request takes. */
export function relativeLink(baseUrl: string, link: string): string {
  if (!link.startsWith(`${baseUrl}/`)) throw new StoreError('the token is not for this store');
  return link.slice(baseUrl.length);
}

function header(response: BatchResponse, name: string): string | undefined {
  const key = Object.keys(response.headers ?? {}).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : response.headers?.[key];
}

function pageOf<T>(baseUrl: string, request: DeltaRequest<T>, response: BatchResponse, options: DeltaOptions): ChangesPage<T> {
  if (response.status === 410) {
    const location = header(response, 'location');
    return location?.startsWith(`${baseUrl}/`) ? { kind: 'expired', token: location } : { kind: 'expired' };
  }
  if (response.status !== 200) throw options.fail(response.status, response.body, header(response, 'retry-after'), { list: request.list });
  const body = (response.body ?? {}) as DeltaBody;
  const items: StoredItem<T>[] = [];
  const deleted: string[] = [];
  for (const entry of body.value ?? []) {
    if (entry.deleted !== undefined || entry['@removed'] !== undefined) deleted.push(String(entry.id));
    else items.push(toStoredItem(request.binding, entry));
  }
  const next = body['@odata.nextLink'];
  if (next !== undefined) return { kind: 'more', items, deleted, token: next };
  const delta = body['@odata.deltaLink'];
  if (delta === undefined) throw new StoreError(`${request.list}: a delta page without a nextLink or a deltaLink`);
  return { kind: 'done', items, deleted, token: delta };
}

/** Sends the delta requests in `$batch`es and answers each with its page, in order. */
export async function readDelta<T>(transport: GraphTransport, requests: readonly DeltaRequest<T>[], options: DeltaOptions): Promise<ChangesPage<T>[]> {
  const responses = await sendBatch(transport, requests.map((request, index) => ({ id: String(index + 1), method: 'GET', url: request.url })), {
    ...options,
    fail: (status, body, retryAfter) => options.fail(status, body, retryAfter, { list: '$batch' }),
  });
  return requests.map((request, index) => {
    const response = responses.get(String(index + 1));
    if (!response) throw new StoreError(`$batch gave no answer for the delta of ${request.list}`);
    return pageOf(transport.baseUrl, request, response, options);
  });
}
