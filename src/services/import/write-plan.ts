/**
 * All-or-nothing writes over a store that has no transactions: write with bounded concurrency,
 * stop at the first failure, then undo what was written (delete what was created, restore what
 * was updated, each with the eTag our own write returned). Result imports and unit imports both
 * write this way; one plan may write to several lists (a result import's units' and municipality's results).
 */
import type { Entities, ListKey } from '../../lists/lists';
import type { Store, StoredItem } from '../../store/port';
import type { ImportProgress } from './types';

export type PlannedWrite<T> =
  | { readonly kind: 'create'; readonly fields: T; readonly clientKey: string }
  | { readonly kind: 'update'; readonly before: StoredItem<T>; readonly patch: Partial<T> };

/** A planned write and the list it goes to. */
export type ListWrite = { [K in ListKey]: PlannedWrite<Entities[K]> & { readonly list: K } }[ListKey];

type Done<T> =
  | { readonly kind: 'created'; readonly list: ListKey; readonly item: StoredItem<T> }
  | { readonly kind: 'updated'; readonly list: ListKey; readonly before: StoredItem<T>; readonly patch: Partial<T>; readonly item: StoredItem<T> };

export interface WriteOptions {
  readonly actor: string;
  readonly concurrency: number;
  readonly onProgress?: ImportProgress;
}

export interface WriteOutcome {
  /** what made the writes stop; undefined when all were written */
  readonly failure?: unknown;
  /** ids that could not be undone after a failure */
  readonly leftBehind: readonly string[];
  readonly written: number;
}

/** The fields a patch changed, as they were before it (undefined clears a field that was empty). */
function restoring<T>(before: StoredItem<T>, patch: Partial<T>): Partial<T> {
  const fields = before.fields as Record<string, unknown>;
  return Object.fromEntries(Object.keys(patch).map((name) => [name, fields[name]])) as Partial<T>;
}

export async function writeAllOrNothing(
  store: Pick<Store<Entities>, 'create' | 'update' | 'delete'>,
  writes: readonly ListWrite[],
  options: WriteOptions,
): Promise<WriteOutcome> {
  const done: Done<Entities[ListKey]>[] = [];
  let next = 0;
  let failure: { error: unknown } | undefined;
  options.onProgress?.(0, writes.length);

  const worker = async (): Promise<void> => {
    while (failure === undefined && next < writes.length) {
      const write = writes[next++];
      if (!write) return;
      try {
        if (write.kind === 'create') {
          const item = await store.create(write.list, write.fields, { actor: options.actor, clientKey: write.clientKey });
          done.push({ kind: 'created', list: write.list, item });
        } else {
          const item = await store.update(write.list, write.before.id, write.patch, { actor: options.actor, etag: write.before.etag });
          done.push({ kind: 'updated', list: write.list, before: write.before, patch: write.patch, item });
        }
        options.onProgress?.(done.length, writes.length);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, writes.length) }, worker));
  if (failure === undefined) return { leftBehind: [], written: done.length };

  const leftBehind: string[] = [];
  // undo newest first, one at a time: the store is already in trouble
  for (const entry of [...done].reverse()) {
    try {
      if (entry.kind === 'created') await store.delete(entry.list, entry.item.id, { actor: options.actor, etag: entry.item.etag });
      else await store.update(entry.list, entry.item.id, restoring(entry.before, entry.patch), { actor: options.actor, etag: entry.item.etag });
    } catch {
      leftBehind.push(entry.item.id);
    }
  }
  return { failure: failure.error, leftBehind, written: done.length };
}
