import type { ListBinding } from './binding';
import { decodeFields } from './fields';
import type { StoredItem } from './port';

/** A listItem as Graph returns it with `expand=fields` (only what the store reads). */
export interface GraphListItem {
  readonly id?: string;
  readonly eTag?: string;
  readonly '@odata.etag'?: string;
  readonly createdDateTime?: string;
  readonly lastModifiedDateTime?: string;
  readonly fields?: Record<string, unknown>;
}

const text = (value: unknown): string | undefined => (value === undefined || value === null ? undefined : String(value));

/**
 * Builds a StoredItem from a listItem, or from a bare fieldValueSet (PATCH .../fields answers
 * with one): then id, eTag and times come from the fields' own `id`, `@odata.etag`, Created, Modified.
 */
export function toStoredItem<T>(binding: ListBinding<T>, item: GraphListItem): StoredItem<T> {
  const fields = item.fields ?? {};
  const { entity, system } = decodeFields(binding.definition, fields);
  return {
    id: text(item.id ?? fields.id) ?? '',
    etag: text(item.eTag ?? item['@odata.etag'] ?? fields['@odata.etag']) ?? '',
    fields: entity as T,
    createdAt: text(item.createdDateTime ?? fields.Created) ?? '',
    modifiedAt: text(item.lastModifiedDateTime ?? fields.Modified) ?? '',
    ...(system.createdByUser === undefined ? {} : { createdByUser: system.createdByUser }),
    ...(system.modifiedByUser === undefined ? {} : { modifiedByUser: system.modifiedByUser }),
  };
}

/** A fieldValueSet holds a whole item when it has its eTag, both times and a valid entity. */
export function isWholeItem<T>(binding: ListBinding<T>, fields: Record<string, unknown>): boolean {
  if (!fields['@odata.etag'] || !fields.Created || !fields.Modified) return false;
  return binding.schema.safeParse(decodeFields(binding.definition, fields).entity).success;
}
