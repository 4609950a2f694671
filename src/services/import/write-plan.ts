/**
 * All-or-nothing writes over a store that has no transactions: write with bounded concurrency,
 * stop at the first failure, then undo what was written (delete what was created, restore what
 * was updated, each with the eTag our own write returned). Result imports and unit imports both
 * write this way.
 */
import type { Entities } from '../../lists/lists';
import type { Store, StoredItem } from '../../store/port';
import type { ImportProgress } from './types';

export type PlannedWrite<T> =
  | { readonly kind: 'create'; readonly fields: T; readonly clientKey: string }
  | { readonly kind: 'update'; readonly before: StoredItem<T>; readonly patch: Partial<T> };

type Done<T> =
  | { readonly kind: 'created'; readonly item: StoredItem<T> }
  | { readonly kind: 'updated'; readonly before: StoredItem<T>; readonly patch: Partial<T>; readonly item: StoredItem<T> };

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

export async function writeAllOrNothing<K extends keyof Entities & string>(
  store: Pick<Store<Entities>, 'create' | 'update' | 'delete'>,
  list: K,
  writes: readonly PlannedWrite<Entities[K]>[],
  options: WriteOptions,
): Promise<WriteOutcome> {
  const done: Done<Entities[K]>[] = [];
  let next = 0;
  let failure: { error: unknown } | undefined;
  options.onProgress?.(0, writes.length);

  const worker = async (): Promise<void> => {
    while (failure === undefined && next < writes.length) {
      const write = writes[next++];
      if (!write) return;
      try {
        if (write.kind === 'create') {
          const item = await store.create(list, write.fields, { actor: options.actor, clientKey: write.clientKey });
          done.push({ kind: 'created', item });
        } else {
          const item = await store.update(list, write.before.id, write.patch, { actor: options.actor, etag: write.before.etag });
          done.push({ kind: 'updated', before: write.before, patch: write.patch, item });
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
      if (entry.kind === 'created') await store.delete(list, entry.item.id, { actor: options.actor, etag: entry.item.etag });
      else await store.update(list, entry.item.id, restoring(entry.before, entry.patch), { actor: options.actor, etag: entry.item.etag });
    } catch {
      leftBehind.push(entry.item.id);
    }
  }
  return { failure: failure.error, leftBehind, written: done.length };
}
