import type { ColumnDefinition, ListDefinition } from '../lists/definition';
import { InvalidItemError } from './errors';
import { columnsOf } from './fields';
import type { Query } from './port';

/**
 * Checks a query against the list view threshold rule before anything is sent: the first filter
 * must be on an indexed column, and multi-line columns are never filtered or sorted.
 * Returns whether a later clause touches a non-indexed column (Graph then needs a Prefer header).
 */
export function checkQuery(definition: ListDefinition, query: Query): { needsNonIndexed: boolean } {
  const columns = columnsOf(definition);
  const column = (name: string): ColumnDefinition => {
    const found = columns.get(name);
    if (!found) throw new InvalidItemError(definition.key, name, 'the list has no such column');
    if (found.type === 'json' || found.type === 'note') throw new InvalidItemError(definition.key, name, 'multi-line columns cannot be filtered or sorted');
    return found;
  };
  const filters = query.filter ?? [];
  const first = filters[0];
  if (first && !column(first.field).indexed) {
    throw new InvalidItemError(definition.key, first.field, 'the first filter must be on an indexed column');
  }
  const referenced = [...filters.map((f) => f.field), ...(query.orderBy ? [query.orderBy.field] : [])];
  return { needsNonIndexed: referenced.some((name) => !column(name).indexed) };
}
