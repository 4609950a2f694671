import { randomUUID } from 'node:crypto';
import { parseColumnDefinition, titleColumn } from './columns';
import { columnAlreadyExists, invalidRequest, itemNotFound, listAlreadyExists } from './errors';
import { ListStore, now } from './list-store';
import type { ColumnState, ItemState, JournalRecord, Snapshot } from './model';
import type { Persistence } from './persistence';
import { keyOf } from './values';

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/**
 * The site's lists and every write to them. Each write changes memory synchronously (after full
 * validation) and resolves only when its journal record is durable.
 */
export class SiteState {
  private readonly byId = new Map<string, ListStore>();

  constructor(private readonly persistence?: Persistence) {}

  /** Builds the state from a snapshot and the journal records written after it. */
  static restore(persistence: Persistence | undefined, snapshot: Snapshot | undefined, records: readonly JournalRecord[]): SiteState {
    const state = new SiteState(persistence);
    for (const list of snapshot?.lists ?? []) state.byId.set(list.meta.id, ListStore.fromSnapshot(list));
    for (const entry of records) state.replay(entry);
    for (const list of state.byId.values()) list.sortItems();
    return state;
  }

  lists(): ListStore[] {
    return [...this.byId.values()];
  }

  /** Graph accepts a list's id or its title in the path. */
  findList(ref: string): ListStore {
    const byId = this.byId.get(ref.toLowerCase());
    if (byId) return byId;
    const lower = ref.toLowerCase();
    const found = this.lists().find((list) => list.meta.displayName.toLowerCase() === lower || list.meta.name.toLowerCase() === lower);
    if (!found) throw itemNotFound('The list was not found.');
    return found;
  }

  snapshot(): Snapshot {
    return { version: 1, lists: this.lists().map((list) => list.snapshot()) };
  }

  async createList(body: unknown): Promise<ListStore> {
    const input = record(body);
    const displayName = input?.['displayName'];
    if (!input || typeof displayName !== 'string' || displayName.trim() === '') {
      throw invalidRequest("Invalid request: 'displayName' is required.");
    }
    if (input['name'] !== undefined) {
      throw invalidRequest("Cannot define a 'name' for a list as it is assigned by the server. Instead, provide 'displayName'");
    }
    const template = record(input['list'])?.['template'];
    if (template !== undefined && template !== 'genericList') throw invalidRequest(`The list template '${String(template)}' is not supported.`);
    const lower = displayName.toLowerCase();
    if (this.lists().some((list) => list.meta.displayName.toLowerCase() === lower)) throw listAlreadyExists();
    const rawColumns = input['columns'] ?? [];
    if (!Array.isArray(rawColumns)) throw invalidRequest("Invalid request: 'columns' must be an array.");
    const columns: ColumnState[] = [titleColumn()];
    for (const raw of rawColumns) {
      const column = parseColumnDefinition(raw, randomUUID());
      if (columns.some((existing) => existing.name.toLowerCase() === column.name.toLowerCase())) throw columnAlreadyExists(column.name);
      columns.push(column);
    }
    const timestamp = now();
    const name = displayName.replace(/[^A-Za-z0-9]/g, '') || 'List';
    const list = new ListStore({
      id: randomUUID(), name, displayName, description: typeof input['description'] === 'string' ? input['description'] : '',
      created: timestamp, modified: timestamp, columns, nextItemId: 1, changeSeq: 0,
    });
    this.byId.set(list.meta.id, list);
    await this.write([{ t: 'list', list: list.meta }]);
    return list;
  }

  async addColumn(list: ListStore, body: unknown): Promise<ColumnState> {
    const column = parseColumnDefinition(body, randomUUID());
    if (list.meta.columns.some((existing) => existing.name.toLowerCase() === column.name.toLowerCase())) throw columnAlreadyExists(column.name);
    const entry = list.setMeta({ ...list.meta, columns: [...list.meta.columns, column], modified: now() });
    await this.write([entry]);
    return column;
  }

  async patchColumn(list: ListStore, ref: string, body: unknown): Promise<ColumnState> {
    const current = list.meta.columns.find((column) => column.id === ref.toLowerCase() || column.name === ref);
    if (!current) throw itemNotFound('The column was not found.');
    const input = record(body);
    if (!input) throw invalidRequest('Invalid request: a columnDefinition object is expected.');
    const next = patched(current, input);
    if (next.enforceUniqueValues && !next.indexed) throw invalidRequest(`Column '${next.name}' must be indexed to enforce unique values.`);
    if (next.indexed && next.type.kind === 'text' && next.type.allowMultipleLines) {
      throw invalidRequest(`Column '${next.name}' cannot be indexed: multiple lines of text cannot be indexed.`);
    }
    if (next.enforceUniqueValues && !current.enforceUniqueValues) {
      const seen = new Set<string | number>();
      for (const item of list.items.values()) {
        const value = item.fields[next.name];
        if (value === undefined) continue;
        const key = keyOf(value);
        if (seen.has(key)) throw invalidRequest('This field contains duplicate values. Remove all duplicate values and try the operation again.');
        seen.add(key);
      }
    }
    const columns = list.meta.columns.map((column) => (column === current ? next : column));
    await this.write([list.setMeta({ ...list.meta, columns, modified: now() })]);
    return next;
  }

  async createItem(list: ListStore, fields: unknown): Promise<ItemState> {
    const { item, record: entry } = list.create(fields);
    await this.write([entry]);
    return item;
  }

  async updateItem(list: ListStore, id: string, fields: unknown, ifMatch: string | undefined): Promise<ItemState> {
    const { item, record: entry } = list.update(id, fields, ifMatch);
    await this.write([entry]);
    return item;
  }

  async deleteItem(list: ListStore, id: string, ifMatch: string | undefined): Promise<void> {
    await this.write([list.delete(id, ifMatch)]);
  }

  private write(records: readonly JournalRecord[]): Promise<void> {
    return this.persistence ? this.persistence.append(records) : Promise.resolve();
  }

  private replay(entry: JournalRecord): void {
    if (entry.t === 'list') {
      const existing = this.byId.get(entry.list.id);
      // a list record never lowers the counters: ids are never reused
      if (existing) {
        existing.setMeta({
          ...entry.list,
          nextItemId: Math.max(existing.meta.nextItemId, entry.list.nextItemId),
          changeSeq: Math.max(existing.meta.changeSeq, entry.list.changeSeq),
        });
      }
      else this.byId.set(entry.list.id, new ListStore(entry.list));
      return;
    }
    const list = this.byId.get(entry.list);
    if (!list) return;
    const meta = list.meta;
    const nextItemId = entry.t === 'item' ? Math.max(meta.nextItemId, entry.nextItemId) : meta.nextItemId;
    list.meta = { ...meta, nextItemId, changeSeq: Math.max(meta.changeSeq, entry.seq) };
    if (entry.t === 'item') list.applyItem(entry.item);
    else list.applyDelete(entry.id, entry.seq);
  }
}

function patched(current: ColumnState, input: Record<string, unknown>): ColumnState {
  const flag = (name: 'indexed' | 'required' | 'enforceUniqueValues'): boolean =>
    typeof input[name] === 'boolean' ? (input[name] as boolean) : current[name];
  let type = current.type;
  const choice = record(input['choice']);
  if (choice && type.kind === 'choice') {
    const choices = Array.isArray(choice['choices']) && choice['choices'].every((c) => typeof c === 'string') ? (choice['choices'] as string[]) : type.choices;
    type = { ...type, choices, allowTextEntry: typeof choice['allowTextEntry'] === 'boolean' ? choice['allowTextEntry'] : type.allowTextEntry };
  }
  const text = record(input['text']);
  if (text && type.kind === 'text' && !type.allowMultipleLines && typeof text['maxLength'] === 'number') {
    type = { ...type, maxLength: Math.min(text['maxLength'], 255) };
  }
  for (const facet of ['text', 'number', 'boolean', 'dateTime', 'choice']) {
    if (input[facet] !== undefined && facet !== type.kind) throw invalidRequest(`The type of column '${current.name}' cannot be changed.`);
  }
  return {
    ...current,
    displayName: typeof input['displayName'] === 'string' ? input['displayName'] : current.displayName,
    description: typeof input['description'] === 'string' ? input['description'] : current.description,
    indexed: flag('indexed'),
    required: flag('required'),
    enforceUniqueValues: flag('enforceUniqueValues'),
    type,
  };
}
