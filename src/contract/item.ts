/**
 * How the API represents a list item and a page of them, once for every resource:
 * an item is `{ id, etag, ...fields, createdAt, modifiedAt, createdByUser?, modifiedByUser? }`,
 * a page is `{ items, nextPageToken? }`.
 */
import { z } from 'zod';
import { isoDateTime } from '../domain';

/** What the server adds to every item's fields. */
export const ItemMetaSchema = z.strictObject({
  id: z.string().min(1),
  /** send it back as If-Match to update or delete the item */
  etag: z.string().min(1),
  createdAt: isoDateTime,
  modifiedAt: isoDateTime,
  /** the Entra object id of the user who created it */
  createdByUser: z.string().min(1).optional(),
  modifiedByUser: z.string().min(1).optional(),
});
export type ItemMeta = z.infer<typeof ItemMetaSchema>;

/** An entity of the domain as the API answers it. */
export type Item<T> = T & ItemMeta;

/** One page of a list; `nextPageToken` asks for the next one. */
export interface ItemPage<T> {
  readonly items: readonly Item<T>[];
  readonly nextPageToken?: string;
}

/** A whole list that is not paged: `{ items }`. */
export interface ItemList<T> {
  readonly items: readonly T[];
}

/** An array in an answer: the tab reads answers, it never changes them in place. */
export function listOf<S extends z.ZodType>(schema: S) {
  return z.array(schema).readonly();
}

/** The schema of an item from the domain schema of its fields (strict, refinements kept). */
export function itemSchema<Shape extends z.ZodRawShape>(fields: z.ZodObject<Shape, z.core.$strict>) {
  return fields.extend(ItemMetaSchema.shape);
}

/** The schema of a page of items. */
export function pageSchema<S extends z.ZodType>(item: S) {
  return z.strictObject({ items: listOf(item), nextPageToken: z.string().min(1).optional() });
}

/** The schema of a whole list: `{ items }`. */
export function listSchema<S extends z.ZodType>(entry: S) {
  return z.strictObject({ items: listOf(entry) });
}
