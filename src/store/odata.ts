/**
 * OData query strings for list items. graph-client does not encode query values, so every value
 * is quoted and URL-encoded here.
 */
import type { ListDefinition } from '../lists/definition';
import { columnsOf, sharePointName } from './fields';
import type { Filter, Query } from './port';

/** An OData literal: strings quoted with '' for a quote; dates as SharePoint's midnight UTC. */
export function literal(type: string | undefined, value: Filter['value']): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
  return `'${text.replace(/'/g, "''")}'`;
}

/** `$filter` text (not yet encoded) for ANDed filters. */
export function filterExpression(definition: ListDefinition, filters: readonly Filter[]): string {
  const columns = columnsOf(definition);
  return filters.map((f) => `fields/${sharePointName(definition, f.field)} ${f.op} ${literal(columns.get(f.field)?.type, f.value)}`).join(' and ');
}

/** The items path with its encoded query: expand=fields, $filter, $orderby, $top. */
export function itemsPath(listPath: string, definition: ListDefinition, query: Query, pageSize: number): string {
  const params = ['expand=fields'];
  if (query.filter?.length) params.push(`$filter=${encodeURIComponent(filterExpression(definition, query.filter))}`);
  if (query.orderBy) params.push(`$orderby=${encodeURIComponent(`fields/${sharePointName(definition, query.orderBy.field)}${query.orderBy.descending ? ' desc' : ''}`)}`);
  params.push(`$top=${query.top ?? pageSize}`);
  return `${listPath}/items?${params.join('&')}`;
}
