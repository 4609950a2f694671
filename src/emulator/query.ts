import type { RangeOp } from './column-index';
import { invalidRequest, listViewThreshold, notIndexed, unknownField } from './errors';
import { parseFilter, parseOrderBy, type Clause, type OrderBy } from './filter';
import type { ListStore } from './list-store';
import type { ColumnState, ItemState } from './model';
import { compareKeys, literalKey, type Key } from './values';

export interface ItemQuery {
  readonly filter?: string;
  readonly orderBy?: string;
  readonly top?: string;
  readonly skipToken?: string;
  /** the request carried `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly` */
  readonly honorNonIndexed: boolean;
}

export interface QueryResult {
  readonly items: readonly ItemState[];
  readonly nextSkipToken?: string;
}

/** Graph pages list items by 200 unless $top says otherwise; SharePoint caps a page at 5000. */
export const defaultPageSize = 200;
export const maxPageSize = 5000;

interface Cursor {
  readonly k: Key | null;
  readonly i: number;
}

/** Runs a list item query the way SharePoint does: index rule, list view threshold, keyset paging. */
export function runQuery(list: ListStore, query: ItemQuery, threshold: number): QueryResult {
  const clauses = query.filter ? parseFilter(query.filter) : [];
  const orderBy = query.orderBy ? parseOrderBy(query.orderBy) : undefined;
  const top = pageSize(query.top);
  for (const field of [...clauses.map((clause) => clause.field), ...(orderBy ? [orderBy.field] : [])]) {
    if (field !== 'id' && !Object.hasOwn(systemDates, field) && !list.column(field)) throw unknownField(field);
    if (!query.honorNonIndexed && !list.isIndexed(field)) throw notIndexed(field);
  }
  const keyed = clauses.map((clause) => ({
    clause,
    key: clause.value === null ? null : literalKey(clause.field === 'id' ? undefined : list.column(clause.field) ?? (Object.hasOwn(systemDates, clause.field) ? systemDates[clause.field] : undefined), clause.value),
  }));
  const candidates = candidateIds(list, keyed[0]);
  if (list.items.size > threshold) checkThreshold(list, keyed[0], candidates, orderBy, top, threshold);

  const cursor = query.skipToken ? decodeCursor(query.skipToken) : undefined;
  let items: ItemState[] = [];
  const source = candidates ? [...candidates].sort((a, b) => a - b) : list.items.keys();
  for (const id of source) {
    // in id order a page can stop early: one item past the page says whether there is more
    if (!orderBy && cursor && id <= cursor.i) continue;
    const item = list.items.get(id);
    if (item && keyed.every(({ clause, key }) => matches(item, clause, key))) items.push(item);
    if (!orderBy && items.length > top) break;
  }
  if (orderBy) items = sortItems(items, orderBy);

  const start = cursor ? items.findIndex((item) => compareToCursor(item, cursor, orderBy) > 0) : 0;
  const page = start < 0 ? [] : items.slice(start, start + top);
  const last = page[page.length - 1];
  const more = start >= 0 && start + top < items.length;
  return more && last ? { items: page, nextSkipToken: encodeCursor(last, orderBy) } : { items: page };
}

function pageSize(top: string | undefined): number {
  if (top === undefined) return defaultPageSize;
  if (!/^\d+$/.test(top) || Number(top) < 1) throw invalidRequest(`Invalid $top value '${top}'.`);
  return Math.min(Number(top), maxPageSize);
}

/** Created and Modified can be filtered and ordered on like any (non-indexed) dateTime column. */
const systemDates: Readonly<Record<string, ColumnState>> = Object.fromEntries(
  (['Created', 'Modified'] as const).map((name) => [name, {
    id: name, name, displayName: name, description: '', indexed: false, required: false, enforceUniqueValues: false,
    type: { kind: 'dateTime', format: 'dateTime' },
  } satisfies ColumnState]),
);

function valueKey(item: ItemState, field: string): Key | undefined {
  if (field === 'id') return item.id;
  if (field === 'Created') return item.created.toLowerCase();
  if (field === 'Modified') return item.modified.toLowerCase();
  const value = item.fields[field];
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value.toLowerCase() : typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

function matches(item: ItemState, clause: Clause, key: Key | null): boolean {
  const value = valueKey(item, clause.field);
  if (key === null) return clause.op === 'eq' ? value === undefined : clause.op === 'ne' ? value !== undefined : false;
  if (value === undefined) return clause.op === 'ne';
  const order = compareKeys(value, key);
  switch (clause.op) {
    case 'eq': return order === 0;
    case 'ne': return order !== 0;
    case 'lt': return order < 0;
    case 'le': return order <= 0;
    case 'gt': return order > 0;
    case 'ge': return order >= 0;
  }
}

/** The ids the first clause selects through its index, or undefined when it cannot use one. */
function candidateIds(list: ListStore, first: { clause: Clause; key: Key | null } | undefined): Iterable<number> | undefined {
  if (!first || first.key === null || first.clause.op === 'ne') return undefined;
  const { clause, key } = first;
  if (clause.field === 'id') {
    if (clause.op !== 'eq') return undefined;
    return typeof key === 'number' || /^\d+$/.test(String(key)) ? [Number(key)] : [];
  }
  const index = list.index(clause.field);
  if (!index) return undefined;
  return clause.op === 'eq' ? index.eq(key) : index.range(clause.op as RangeOp, key);
}

function checkThreshold(
  list: ListStore,
  first: { clause: Clause } | undefined,
  candidates: Iterable<number> | undefined,
  orderBy: OrderBy | undefined,
  top: number,
  threshold: number,
): void {
  if (first) {
    const narrowed = first.clause.field === 'id' && first.clause.op !== 'ne' ? true : candidates !== undefined;
    const size = candidates ? (candidates instanceof Set ? candidates.size : [...candidates].length) : list.items.size;
    if (!narrowed || size > threshold) throw listViewThreshold();
    return;
  }
  if (orderBy && orderBy.field !== 'id' && !list.index(orderBy.field)) throw listViewThreshold();
  if (top > threshold) throw listViewThreshold();
}

function sortItems(items: ItemState[], orderBy: OrderBy): ItemState[] {
  const direction = orderBy.descending ? -1 : 1;
  return items.sort((a, b) => direction * (compareNullable(valueKey(a, orderBy.field), valueKey(b, orderBy.field)) || a.id - b.id));
}

/** Empty values sort first, as in SharePoint. */
function compareNullable(a: Key | undefined, b: Key | undefined): number {
  if (a === undefined) return b === undefined ? 0 : -1;
  if (b === undefined) return 1;
  return compareKeys(a, b);
}

function compareToCursor(item: ItemState, cursor: Cursor, orderBy: OrderBy | undefined): number {
  if (!orderBy) return item.id - cursor.i;
  const direction = orderBy.descending ? -1 : 1;
  return direction * (compareNullable(valueKey(item, orderBy.field), cursor.k ?? undefined) || item.id - cursor.i);
}

function encodeCursor(item: ItemState, orderBy: OrderBy | undefined): string {
  const cursor: Cursor = { k: orderBy ? valueKey(item, orderBy.field) ?? null : null, i: item.id };
  return Buffer.from(`Paged=TRUE&p_ID=${item.id}&c=${JSON.stringify(cursor)}`).toString('base64url');
}

function decodeCursor(token: string): Cursor {
  const text = Buffer.from(token, 'base64url').toString('utf8');
  const match = /^Paged=TRUE&p_ID=\d+&c=(.*)$/.exec(text);
  try {
    const cursor = match ? (JSON.parse(match[1] as string) as Cursor) : undefined;
    if (cursor && typeof cursor.i === 'number') return cursor;
  } catch {
    // falls through to the error below
  }
  throw invalidRequest(`Invalid $skiptoken '${token}'.`);
}
