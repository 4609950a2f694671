import type { Entities } from '../lists/lists';
import { NotFoundError } from '../store/errors';
import type { Store, StoredItem } from '../store/port';

/** An item, or undefined when it does not exist; every other failure propagates. */
export async function findItem<K extends keyof Entities & string>(
  store: Store<Entities>,
  list: K,
  id: string,
): Promise<StoredItem<Entities[K]> | undefined> {
  try {
    return await store.get(list, id);
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}
