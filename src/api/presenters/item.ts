/** Stored items as the contract represents them: `Item<T>` and `ItemPage<T>` (src/contract/item.ts). */
import type { Item, ItemPage } from '../../contract';
import type { Page, StoredItem } from '../../store/port';

export function represent<T>(item: StoredItem<T>): Item<T> {
  return {
    ...item.fields,
    id: item.id,
    etag: item.etag,
    createdAt: item.createdAt,
    modifiedAt: item.modifiedAt,
    ...(item.createdByUser !== undefined ? { createdByUser: item.createdByUser } : {}),
    ...(item.modifiedByUser !== undefined ? { modifiedByUser: item.modifiedByUser } : {}),
  };
}

export function representPage<T>(page: Page<T>): ItemPage<T> {
  return {
    items: page.items.map(represent),
    ...(page.nextPageToken !== undefined ? { nextPageToken: page.nextPageToken } : {}),
  };
}
