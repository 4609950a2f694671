/**
 * What changed in one mirrored list, version by version: so a view that kept what it computed at
 * one version can recompute only what the items changed since then touch (the roll-up does).
 * Bounded: it holds the last changes only (an enumeration from the start puts every item, a
 * large import writes tens of thousands); a version older than that is answered "not known",
 * and the caller computes from every item.
 */
import type { StoredItem } from '../port';

interface Change<T> {
  /** the list's version this change made */
  readonly version: number;
  readonly id: string;
  /** the item just before this change; undefined when it was not there */
  readonly was: StoredItem<T> | undefined;
}

/** Changes the log holds at least; it drops the older half once it holds twice as many. */
const defaultCapacity = 5_000;

export class ChangeLog<T> {
  private changes: Change<T>[] = [];
  /** the version before the oldest change held: every change after it is in `changes` */
  private from = 0;

  constructor(private readonly capacity = defaultCapacity) {}

  /** The change that made `version`: `id` was `was` before it. Versions come in increasing order. */
  record(version: number, id: string, was: StoredItem<T> | undefined): void {
    this.changes.push({ version, id, was });
    if (this.changes.length <= 2 * this.capacity) return;
    const dropped = this.changes.splice(0, this.changes.length - this.capacity);
    this.from = dropped[dropped.length - 1]?.version ?? this.from;
  }

  /**
   * The ids changed after `version`, each with the item as it was at `version` (undefined: not
   * there), given the list's `current` version; undefined when the log no longer reaches back to
   * `version` (or it is not one this list had).
   */
  since(version: number, current: number): ReadonlyMap<string, StoredItem<T> | undefined> | undefined {
    if (!Number.isInteger(version) || version < this.from || version > current) return undefined;
    const changed = new Map<string, StoredItem<T> | undefined>();
    for (let i = this.firstAfter(version); i < this.changes.length; i++) {
      const change = this.changes[i];
      // the first change after `version` holds the item as it was at `version`
      if (change && !changed.has(change.id)) changed.set(change.id, change.was);
    }
    return changed;
  }

  /** The index of the first change that made a version after `version` (binary search: versions only grow). */
  private firstAfter(version: number): number {
    let [low, high] = [0, this.changes.length];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.changes[middle]?.version ?? Infinity) <= version) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
