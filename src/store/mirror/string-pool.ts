/**
 * One copy of each short string the mirror holds many times over: ids of units and indicators,
 * school years, periods, users, statuses, timestamps of a bulk write. An item parsed from JSON
 * holds its own copy of every value, so 350,000 results would hold 350,000 copies of the same
 * writer's id; through the pool they share one.
 */
import type { StoredItem } from '../port';

/** Longer strings are free text or unique (titles, descriptions, eTags): not worth a pool entry. */
const longest = 48;

export class StringPool {
  private readonly strings = new Map<string, string>();

  of(value: string): string {
    if (value.length > longest) return value;
    const held = this.strings.get(value);
    if (held !== undefined) return held;
    this.strings.set(value, value);
    return value;
  }

  /** The item with its short strings from the pool: the fields' own and the system ones. */
  item<T>(item: StoredItem<T>): StoredItem<T> {
    const fields: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(item.fields as Record<string, unknown>)) fields[name] = typeof value === 'string' ? this.of(value) : value;
    return {
      id: item.id,
      etag: item.etag,
      // the same fields, each short string now the pool's copy
      fields: fields as T,
      createdAt: this.of(item.createdAt),
      modifiedAt: this.of(item.modifiedAt),
      ...(item.createdByUser !== undefined ? { createdByUser: this.of(item.createdByUser) } : {}),
      ...(item.modifiedByUser !== undefined ? { modifiedByUser: this.of(item.modifiedByUser) } : {}),
    };
  }
}
