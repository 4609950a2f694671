import { randomUUID } from 'node:crypto';
import { ColumnIndex } from './column-index';
import { systemFieldNames } from './columns';
import {
  duplicateValue, invalidRequest, itemNotFound, preconditionFailed, readOnlyField, requiredField, unknownField,
} from './errors';
import type { ColumnState, FieldValue, ItemState, JournalRecord, ListMeta, ListSnapshot } from './model';
import { keyOf, normalizeValue } from './values';

export const now = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The item's eTag as Graph shows it: a quoted `GUID,version`. */
export const etagOf = (item: ItemState): string => `"${item.uid},${item.version}"`;

const bare = (etag: string): string => etag.trim().replace(/^W\//, '').replace(/^"|"$/g, '').replace(/^\{|\}(?=,)/g, '').toLowerCase();

/**
 * One list: its columns, items, indexes and tombstones. Every mutation validates completely
 * before it changes anything, then returns the journal record that replays it.
 */
export class ListStore {
  readonly items = new Map<number, ItemState>();
  readonly tombstones = new Map<number, number>();
  /** moves when delta tokens expire: a token of an earlier epoch answers 410 (kept in memory only) */
  deltaEpoch = 0;
  private readonly indexes = new Map<string, ColumnIndex>();

  constructor(public meta: ListMeta) {
    this.rebuildIndexes();
  }

  static fromSnapshot(snapshot: ListSnapshot): ListStore {
    const store = new ListStore(snapshot.meta);
    for (const item of snapshot.items) store.applyItem(item);
    for (const [id, seq] of snapshot.tombstones) store.tombstones.set(id, seq);
    return store;
  }

  snapshot(): ListSnapshot {
    return { meta: this.meta, items: [...this.items.values()], tombstones: [...this.tombstones] };
  }

  column(name: string): ColumnState | undefined {
    return this.meta.columns.find((column) => column.name === name);
  }

  isIndexed(name: string): boolean {
    return name === 'id' || this.indexes.has(name);
  }

  index(name: string): ColumnIndex | undefined {
    return this.indexes.get(name);
  }

  get(id: string): ItemState {
    const item = /^\d+$/.test(id) ? this.items.get(Number(id)) : undefined;
    if (!item) throw itemNotFound();
    return item;
  }

  create(body: unknown): { item: ItemState; record: JournalRecord } {
    const values = this.validate(body, undefined);
    const fields: Record<string, FieldValue> = {};
    for (const [name, value] of Object.entries(values)) if (value !== null) fields[name] = value;
    const timestamp = now();
    const seq = this.meta.changeSeq + 1;
    const item: ItemState = { id: this.meta.nextItemId, uid: randomUUID(), version: 1, fields, created: timestamp, modified: timestamp, seq };
    this.meta = { ...this.meta, nextItemId: item.id + 1, changeSeq: seq };
    this.applyItem(item);
    return { item, record: { t: 'item', list: this.meta.id, item, nextItemId: this.meta.nextItemId, seq } };
  }

  update(id: string, body: unknown, ifMatch: string | undefined): { item: ItemState; record: JournalRecord } {
    const current = this.get(id);
    this.checkEtag(current, ifMatch);
    const values = this.validate(body, current);
    const fields: Record<string, FieldValue> = { ...current.fields };
    for (const [name, value] of Object.entries(values)) {
      if (value === null) delete fields[name];
      else fields[name] = value;
    }
    const seq = this.meta.changeSeq + 1;
    const item: ItemState = { ...current, version: current.version + 1, fields, modified: now(), seq };
    this.meta = { ...this.meta, changeSeq: seq };
    this.applyItem(item);
    return { item, record: { t: 'item', list: this.meta.id, item, nextItemId: this.meta.nextItemId, seq } };
  }

  delete(id: string, ifMatch: string | undefined): JournalRecord {
    const current = this.get(id);
    this.checkEtag(current, ifMatch);
    const seq = this.meta.changeSeq + 1;
    this.meta = { ...this.meta, changeSeq: seq };
    this.applyDelete(current.id, seq);
    return { t: 'delete', list: this.meta.id, id: current.id, seq };
  }

  /** Replaces the list's metadata (columns added or changed) and rebuilds the indexes. */
  setMeta(meta: ListMeta): JournalRecord {
    this.meta = meta;
    this.rebuildIndexes();
    return { t: 'list', list: meta };
  }

  /** Replay and snapshot load: upserts without validation. */
  applyItem(item: ItemState): void {
    const previous = this.items.get(item.id);
    this.unindex(previous);
    this.items.set(item.id, item);
    this.tombstones.delete(item.id);
    for (const [name, index] of this.indexes) {
      const value = item.fields[name];
      if (value !== undefined) index.add(item.id, keyOf(value));
    }
  }

  applyDelete(id: number, seq: number): void {
    this.unindex(this.items.get(id));
    this.items.delete(id);
    this.tombstones.set(id, seq);
  }

  /** Puts items back in id order after a replay that may have appended older ids late. */
  sortItems(): void {
    const items = [...this.items.values()].sort((a, b) => a.id - b.id);
    this.items.clear();
    for (const item of items) this.items.set(item.id, item);
  }

  private unindex(item: ItemState | undefined): void {
    if (!item) return;
    for (const [name, index] of this.indexes) {
      const value = item.fields[name];
      if (value !== undefined) index.remove(item.id, keyOf(value));
    }
  }

  private rebuildIndexes(): void {
    this.indexes.clear();
    for (const column of this.meta.columns) if (column.indexed) this.indexes.set(column.name, new ColumnIndex());
    for (const item of this.items.values()) {
      for (const [name, index] of this.indexes) {
        const value = item.fields[name];
        if (value !== undefined) index.add(item.id, keyOf(value));
      }
    }
  }

  private checkEtag(item: ItemState, ifMatch: string | undefined): void {
    if (ifMatch === undefined || ifMatch.trim() === '*') return;
    if (bare(ifMatch) !== bare(etagOf(item))) throw preconditionFailed(ifMatch, etagOf(item));
  }

  /** Validates a `fields` object for create (current undefined) or update; returns normalized values. */
  private validate(body: unknown, current: ItemState | undefined): Record<string, FieldValue | null> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw invalidRequest('Invalid request: the fields object is missing or not an object.');
    }
    const values: Record<string, FieldValue | null> = {};
    for (const [name, raw] of Object.entries(body as Record<string, unknown>)) {
      if (name.startsWith('@')) continue;
      const column = this.column(name);
      if (!column) throw systemFieldNames.has(name) ? readOnlyField(name) : unknownField(name);
      values[name] = normalizeValue(column, raw);
    }
    for (const column of this.meta.columns) {
      const value = column.name in values ? values[column.name] : current?.fields[column.name];
      if (column.required && (value === undefined || value === null || value === '')) throw requiredField(column.name);
      if (column.enforceUniqueValues && value !== undefined && value !== null && column.name in values) {
        const holders = this.indexes.get(column.name)?.eq(keyOf(value)) ?? new Set<number>();
        for (const holder of holders) if (holder !== current?.id) throw duplicateValue(column.name);
      }
    }
    return values;
  }
}
