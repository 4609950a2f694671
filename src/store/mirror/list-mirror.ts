/**
 * One list as the mirror holds it: its items by id, indexes by field (each built the first time a
 * view asks for it, then kept in step), and the token of its next change-feed round.
 */
import type { ChangedItems } from '../changes';
import type { StoredItem } from '../port';
import { ChangeLog } from './change-log';
import type { StringPool } from './string-pool';

type Index<T> = Map<unknown, Map<string, StoredItem<T>>>;

/** The N of an eTag `"{GUID},N"`: the item's version, which only grows. */
export function versionOf(etag: string): number | undefined {
  const match = /,(\d+)"?$/.exec(etag);
  return match ? Number(match[1]) : undefined;
}

/** Whether `incoming` may replace `held`: not when `held` is a later version of the item. */
function isCurrent(held: StoredItem<unknown> | undefined, incoming: StoredItem<unknown>): boolean {
  if (!held) return true;
  const [was, is] = [versionOf(held.etag), versionOf(incoming.etag)];
  return was === undefined || is === undefined || is >= was;
}

export class ListMirror<T> {
  private readonly items = new Map<string, StoredItem<T>>();
  private readonly indexes = new Map<string, Index<T>>();
  /**
   * Ids this instance deleted. A round that started before the delete may still list the item;
   * a round that reports the delete started after it, and then no later round lists it again.
   */
  private readonly deletedHere = new Set<string>();
  /** while enumerating from the start: the ids seen or written since it began (the rest are gone) */
  private enumeration: Set<string> | undefined;
  private listed: readonly StoredItem<T>[] | undefined;
  /** the token of the next round; absent until an enumeration from the start is complete */
  token: string | undefined;
  /** grows with every item put, replaced or removed: the same version, the same items */
  private changes = 0;
  /** which item each of the last versions changed, and what it was before */
  private readonly log = new ChangeLog<T>();

  constructor(private readonly strings: StringPool) {}

  get size(): number {
    return this.items.size;
  }

  all(): readonly StoredItem<T>[] {
    this.listed ??= inIdOrder([...this.items.values()]);
    return this.listed;
  }

  get version(): number {
    return this.changes;
  }

  get(id: string): StoredItem<T> | undefined {
    return this.items.get(id);
  }

  /** The ids changed after `version`, each with the item as it was then; undefined when that is too far back. */
  changedSince(version: number): ReadonlyMap<string, StoredItem<T> | undefined> | undefined {
    return this.log.since(version, this.changes);
  }

  where(field: string, value: unknown): readonly StoredItem<T>[] {
    return inIdOrder([...(this.index(field).get(value)?.values() ?? [])]);
  }

  /** An item as a write answered it (or as a conflict showed it). */
  wrote(item: StoredItem<T>): void {
    this.put(item);
  }

  /** An item this instance deleted. */
  deleted(id: string): void {
    this.deletedHere.add(id);
    this.remove(id);
  }

  /** A page of the change feed: its items unless the mirror holds a later version, its deletes. */
  apply(page: ChangedItems<T>): void {
    for (const item of page.items) if (!this.deletedHere.has(item.id)) this.put(item);
    for (const id of page.deleted) {
      this.deletedHere.delete(id);
      this.remove(id);
    }
  }

  /** An enumeration from the start begins: what it does not list, and nobody wrote meanwhile, is gone at its end. */
  beginEnumeration(): void {
    this.enumeration = new Set();
  }

  /** The round is complete: keep its token, and after an enumeration from the start drop what it did not list. */
  complete(token: string): void {
    const seen = this.enumeration;
    this.enumeration = undefined;
    this.token = token;
    if (!seen) return;
    for (const id of [...this.items.keys()]) if (!seen.has(id)) this.remove(id);
  }

  private put(item: StoredItem<T>): void {
    this.enumeration?.add(item.id);
    const held = this.items.get(item.id);
    if (!isCurrent(held, item)) return;
    if (held) this.unindex(held);
    const kept = this.strings.item(item);
    this.items.set(kept.id, kept);
    for (const [field, index] of this.indexes) add(index, field, kept);
    this.listed = undefined;
    this.changes += 1;
    this.log.record(this.changes, kept.id, held);
  }

  private remove(id: string): void {
    this.enumeration?.add(id);
    const held = this.items.get(id);
    if (!held) return;
    this.unindex(held);
    this.items.delete(id);
    this.listed = undefined;
    this.changes += 1;
    this.log.record(this.changes, id, held);
  }

  private index(field: string): Index<T> {
    let index = this.indexes.get(field);
    if (!index) {
      index = new Map();
      for (const item of this.items.values()) add(index, field, item);
      this.indexes.set(field, index);
    }
    return index;
  }

  private unindex(item: StoredItem<T>): void {
    for (const [field, index] of this.indexes) {
      const value = valueOf(item, field);
      const bucket = index.get(value);
      bucket?.delete(item.id);
      if (bucket?.size === 0) index.delete(value);
    }
  }
}

const byId = (a: StoredItem<unknown>, b: StoredItem<unknown>): number => Number(a.id) - Number(b.id) || a.id.localeCompare(b.id);

/**
 * Items in the order of their ids, as a list holds them. They almost always arrive that way (an
 * enumeration goes by id, new items get higher ids), so sorting is the exception, not the rule.
 */
function inIdOrder<T>(items: StoredItem<T>[]): StoredItem<T>[] {
  let previous: StoredItem<T> | undefined;
  for (const item of items) {
    if (previous && byId(previous, item) > 0) return items.sort(byId);
    previous = item;
  }
  return items;
}

function valueOf(item: StoredItem<unknown>, field: string): unknown {
  return (item.fields as Record<string, unknown>)[field];
}

function add<T>(index: Index<T>, field: string, item: StoredItem<T>): void {
  const value = valueOf(item, field);
  if (value === undefined) return;
  const bucket = index.get(value);
  if (bucket) bucket.set(item.id, item);
  else index.set(value, new Map([[item.id, item]]));
}
