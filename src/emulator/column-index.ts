import { compareKeys, type Key } from './values';

export type RangeOp = 'lt' | 'le' | 'gt' | 'ge';

/**
 * The index of one indexed column: value → item ids for eq, and a sorted array (rebuilt lazily
 * after a change) for ranges, so an indexed filter never scans the list.
 */
export class ColumnIndex {
  private readonly byKey = new Map<Key, Set<number>>();
  private sorted: { key: Key; id: number }[] | undefined;

  add(id: number, key: Key): void {
    let ids = this.byKey.get(key);
    if (!ids) this.byKey.set(key, (ids = new Set()));
    ids.add(id);
    this.sorted = undefined;
  }

  remove(id: number, key: Key): void {
    const ids = this.byKey.get(key);
    if (!ids) return;
    ids.delete(id);
    if (ids.size === 0) this.byKey.delete(key);
    this.sorted = undefined;
  }

  eq(key: Key): ReadonlySet<number> {
    return this.byKey.get(key) ?? new Set();
  }

  range(op: RangeOp, key: Key): number[] {
    const sorted = this.sortedEntries();
    // first position whose key is >= (or >) the literal
    const lowerBound = (strict: boolean): number => {
      let low = 0;
      let high = sorted.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        const order = compareKeys((sorted[middle] as { key: Key }).key, key);
        if (order < 0 || (strict && order === 0)) low = middle + 1;
        else high = middle;
      }
      return low;
    };
    const slice =
      op === 'gt' ? sorted.slice(lowerBound(true)) :
      op === 'ge' ? sorted.slice(lowerBound(false)) :
      op === 'lt' ? sorted.slice(0, lowerBound(false)) :
      sorted.slice(0, lowerBound(true));
    return slice.map((entry) => entry.id);
  }

  private sortedEntries(): { key: Key; id: number }[] {
    if (!this.sorted) {
      const entries: { key: Key; id: number }[] = [];
      for (const [key, ids] of this.byKey) for (const id of ids) entries.push({ key, id });
      entries.sort((a, b) => compareKeys(a.key, b.key) || a.id - b.id);
      this.sorted = entries;
    }
    return this.sorted;
  }
}
