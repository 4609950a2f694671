/**
 * The one pager over `readMany`: every page of many queries in as few round trips as the store
 * allows. Both stores' `queryAll` read through it; views read the read model instead (a query's
 * first indexed filter may not select more than 5,000 items), and the benchmarks page the lists
 * with it as the baseline the read model is measured against.
 */
import { invariant } from '../domain/invariant';
import { StoreError } from './errors';
import { batchLimit, type Page, type Query, type QueryRead, type Store, type StoredItem } from './port';

/** One query, or several queries of one list whose items are read as one (the roll-up's years). */
export type PagedRead<M> = QueryRead<keyof M & string> | readonly QueryRead<keyof M & string>[];

type ListOf<R> = R extends readonly QueryRead<infer K>[] ? K : R extends QueryRead<infer K> ? K : never;

/** Every item of each read, position by position: `[QueryRead<'units'>, QueryRead<'goals'>[]]` gives `[Unit items, Goal items]`. */
export type AllPages<M, R extends readonly PagedRead<M>[]> = { -readonly [I in keyof R]: StoredItem<M[ListOf<R[I]> & keyof M]>[] };

export interface ReadAllOptions {
  /** reads per readMany call; default `batchLimit` (one $batch) */
  readonly batchSize?: number;
  /** a bound on page rounds, so a store that always answers with a next page cannot loop forever */
  readonly maxRounds?: number;
}

interface Pending<M> {
  /** the position in `reads` whose items this query adds to */
  readonly index: number;
  readonly read: QueryRead<keyof M & string>;
}

/**
 * Runs many whole-list queries with as few round trips as possible: the first pages of all queries
 * go out together in batches of `batchLimit` (the batches in parallel), then the next pages of
 * every query that has more, round after round. Returns every item of each read, in the order of `reads`.
 */
export async function readAllPages<M, const R extends readonly PagedRead<M>[]>(
  // the whole port, not Pick<Store<M>, 'readMany'>: TypeScript infers M only from a Store<M> itself
  store: Store<M>,
  reads: R,
  options: ReadAllOptions = {},
): Promise<AllPages<M, R>> {
  const batchSize = Math.max(1, Math.min(options.batchSize ?? batchLimit, batchLimit));
  const maxRounds = options.maxRounds ?? 1_000;
  const results: StoredItem<M[keyof M & string]>[][] = reads.map(() => []);
  let pending: Pending<M>[] = reads.flatMap((entry, index) => (isGroup(entry) ? entry : [entry]).map((read) => ({ index, read })));
  for (let round = 0; pending.length > 0; round++) {
    if (round >= maxRounds) throw new StoreError(`still paging after ${maxRounds} rounds`);
    const chunks: Pending<M>[][] = [];
    for (let start = 0; start < pending.length; start += batchSize) chunks.push(pending.slice(start, start + batchSize));
    const answered = await Promise.all(chunks.map(async (chunk) => ({ chunk, pages: await store.readMany(chunk.map((entry) => entry.read)) })));
    const next: Pending<M>[] = [];
    for (const { chunk, pages } of answered) {
      chunk.forEach((entry, position) => {
        const page: Page<M[keyof M & string]> | undefined = pages[position]?.page;
        invariant(page, `readMany gave no page for read ${position + 1}`);
        results[entry.index]?.push(...page.items);
        if (page.nextPageToken) next.push({ index: entry.index, read: { list: entry.read.list, query: { ...entry.read.query, pageToken: page.nextPageToken } } });
      });
    }
    pending = next;
  }
  // results[i] holds the items of reads[i]'s list: what AllPages says position by position
  return results as AllPages<M, R>;
}

function isGroup<M>(entry: PagedRead<M>): entry is readonly QueryRead<keyof M & string>[] {
  return Array.isArray(entry);
}

/** The bound on pages `queryAllPages` follows for one query. */
const maxPages = 10_000;

/** Every page of one query, one after another (each page's token asks for the next): both stores' `queryAll`. */
export async function queryAllPages<M, K extends keyof M & string>(store: Pick<Store<M>, 'query'>, list: K, query: Omit<Query, 'pageToken'>): Promise<StoredItem<M[K]>[]> {
  const items: StoredItem<M[K]>[] = [];
  let page = await store.query(list, query);
  items.push(...page.items);
  for (let i = 0; page.nextPageToken; i++) {
    if (i >= maxPages) throw new StoreError(`${list}: still paging after ${maxPages} pages`);
    page = await store.query(list, { ...query, pageToken: page.nextPageToken });
    items.push(...page.items);
  }
  return items;
}
