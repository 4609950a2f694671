/** The emulator's state: plain data, so that a snapshot is one JSON document. */
export type FieldValue = string | number | boolean;

export type ColumnKind =
  | { readonly kind: 'text'; readonly allowMultipleLines: boolean; readonly maxLength: number }
  | { readonly kind: 'number' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'dateTime'; readonly format: 'dateOnly' | 'dateTime' }
  | { readonly kind: 'choice'; readonly choices: readonly string[]; readonly allowTextEntry: boolean; readonly displayAs: string };

export interface ColumnState {
  readonly id: string;
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  readonly indexed: boolean;
  readonly required: boolean;
  readonly enforceUniqueValues: boolean;
  readonly type: ColumnKind;
}

export interface ItemState {
  readonly id: number;
  /** the GUID in the item's eTag */
  readonly uid: string;
  /** grows by one on every change: the N in `"{GUID},N"` */
  readonly version: number;
  readonly fields: Readonly<Record<string, FieldValue>>;
  readonly created: string;
  readonly modified: string;
  /** the list's change sequence number of the item's last change (delta) */
  readonly seq: number;
}

/** Everything about a list except its items: what a `list` journal record holds. */
export interface ListMeta {
  readonly id: string;
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  readonly created: string;
  readonly modified: string;
  readonly columns: readonly ColumnState[];
  readonly nextItemId: number;
  readonly changeSeq: number;
}

export type JournalRecord =
  | { readonly t: 'list'; readonly list: ListMeta }
  | { readonly t: 'item'; readonly list: string; readonly item: ItemState; readonly nextItemId: number; readonly seq: number }
  | { readonly t: 'delete'; readonly list: string; readonly id: number; readonly seq: number };

export interface ListSnapshot {
  readonly meta: ListMeta;
  readonly items: readonly ItemState[];
  /** deleted item id → change sequence number of the delete */
  readonly tombstones: readonly (readonly [number, number])[];
}

export interface Snapshot {
  readonly version: 1;
  /** the journal generation this snapshot starts; a journal of an older generation predates it */
  readonly generation?: number;
  readonly lists: readonly ListSnapshot[];
}
