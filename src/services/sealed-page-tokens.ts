import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { inReadOrder, type BatchRead, type BatchResult, type Page, type Query, type Store } from '../store/port';
import { InvalidPageTokenError } from './errors';

export interface SealedPageTokensOptions {
  /**
   * The key that signs page tokens. Default: random per process, so tokens do not survive a
   * restart; instances behind one load balancer must share a key.
   */
  readonly key?: string | Buffer;
}

/**
 * A store whose page tokens are sealed to the query that made them. The store's token carries
 * the next request as Graph gave it, filter included; sealed, a caller cannot swap in another
 * filter (another unit, drafts) and hand it back.
 */
export function withSealedPageTokens<M>(store: Store<M>, options: SealedPageTokensOptions = {}): Store<M> {
  const key = options.key ?? randomBytes(32);
  const mac = (token: string, binding: string): Buffer => createHmac('sha256', key).update(`${binding}\n${token}`).digest();
  const bindingOf = (list: string, query: Query): string => JSON.stringify([list, query.filter ?? [], query.orderBy ?? null]);

  const seal = (list: string, query: Query, token: string): string => `${token}.${mac(token, bindingOf(list, query)).toString('base64url')}`;
  const open = (list: string, query: Query, sealed: string): string => {
    const dot = sealed.lastIndexOf('.');
    const token = sealed.slice(0, dot);
    const given = Buffer.from(sealed.slice(dot + 1), 'base64url');
    const expected = mac(token, bindingOf(list, query));
    if (dot <= 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) throw new InvalidPageTokenError();
    return token;
  };
  const inbound = (list: string, query: Query | undefined): Query | undefined =>
    query?.pageToken === undefined ? query : { ...query, pageToken: open(list, query, query.pageToken) };
  const outbound = <T>(list: string, query: Query | undefined, page: Page<T>): Page<T> =>
    page.nextPageToken === undefined ? page : { ...page, nextPageToken: seal(list, query ?? {}, page.nextPageToken) };

  return {
    get: (list, id) => store.get(list, id),
    async query(list, query) {
      return outbound(list, query, await store.query(list, inbound(list, query)));
    },
    queryAll: (list, query) => store.queryAll(list, query),
    create: (list, fields, createOptions) => store.create(list, fields, createOptions),
    createMany: (list, entries, writeOptions) => store.createMany(list, entries, writeOptions),
    update: (list, id, patch, updateOptions) => store.update(list, id, patch, updateOptions),
    delete: (list, id, deleteOptions) => store.delete(list, id, deleteOptions),
    async readMany(reads) {
      const opened: BatchRead<M>[] = reads.map((read) => ('query' in read ? { list: read.list, query: inbound(read.list, read.query) ?? {} } : read));
      const results = await store.readMany(opened);
      const sealed = results.map((result, index): BatchResult<M> => {
        const read = reads[index];
        if (!('page' in result) || !read || !('query' in read)) return result;
        return { page: outbound(read.list, read.query, result.page) };
      });
      return inReadOrder(reads, sealed);
    },
  };
}
