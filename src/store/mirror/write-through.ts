/**
 * The store every write goes through: to Graph exactly as before (eTags, client keys), and the
 * answer into the mirror at once, so the writer's next view shows it whatever its delta brings.
 */
import { ConflictError } from '../errors';
import type { Store } from '../port';
import type { Mirror } from './mirror';

export function withWriteThrough<M>(store: Store<M>, mirror: Pick<Mirror<M>, 'wrote' | 'deleted'>): Store<M> {
  /** A conflict carries the item as it is now: newer than what the mirror may hold. */
  const keepCurrent = (list: string, error: unknown): never => {
    if (error instanceof ConflictError && error.current) mirror.wrote(list, error.current);
    throw error;
  };
  return {
    get: (list, id) => store.get(list, id),
    query: (list, query) => store.query(list, query),
    queryAll: (list, query) => store.queryAll(list, query),
    readMany: (reads) => store.readMany(reads),
    async create(list, fields, options) {
      const item = await store.create(list, fields, options);
      mirror.wrote(list, item);
      return item;
    },
    async createMany(list, entries, options) {
      const items = await store.createMany(list, entries, options);
      for (const item of items) mirror.wrote(list, item);
      return items;
    },
    async update(list, id, patch, options) {
      const item = await store.update(list, id, patch, options).catch((error: unknown) => keepCurrent(list, error));
      mirror.wrote(list, item);
      return item;
    },
    async delete(list, id, options) {
      await store.delete(list, id, options).catch((error: unknown) => keepCurrent(list, error));
      mirror.deleted(list, id);
    },
  };
}
