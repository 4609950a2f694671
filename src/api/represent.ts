/**
 * The wire shape of an item: `{ id, etag, ...fields, createdAt, modifiedAt, createdByUser, modifiedByUser }`,
 * and of a page: `{ items, nextPageToken? }`.
 */
import type { Page, StoredItem } from '../store/port';

export type Represented<T> = T & {
  readonly id: string;
  readonly etag: string;
  readonly createdAt: string;
  readonly modifiedAt: string;
  readonly createdByUser?: string;
  readonly modifiedByUser?: string;
};

export function represent<T>(item: StoredItem<T>): Represented<T> {
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

export interface RepresentedPage<T> {
  readonly items: Represented<T>[];
  readonly nextPageToken?: string;
}

export function representPage<T>(page: Page<T>): RepresentedPage<T> {
  return {
    items: page.items.map(represent),
    ...(page.nextPageToken !== undefined ? { nextPageToken: page.nextPageToken } : {}),
  };
}
