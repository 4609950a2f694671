/**
 * Field mapping between a domain entity and a SharePoint item's `fields`: column name = field
 * name; only the encoding differs per column type.
 */
import { commonColumns, type ColumnDefinition, type ListDefinition } from '../lists/definition';
import { InvalidItemError } from './errors';

type Fields = Record<string, unknown>;

/**
 * The list's own columns plus the common ones, by domain field name. A `titleFrom` field without a
 * column of its own (a field called `title`) lives in the built-in Title column: see sharePointName.
 */
export function columnsOf(definition: ListDefinition): ReadonlyMap<string, ColumnDefinition> {
  const columns = new Map<string, ColumnDefinition>();
  for (const column of [...commonColumns, ...definition.columns]) columns.set(column.name, column);
  if (!columns.has(definition.titleFrom)) columns.set(definition.titleFrom, { name: definition.titleFrom, type: 'text' });
  return columns;
}

/** The SharePoint column that holds a domain field: its own, or Title for a titleFrom field without one. */
export function sharePointName(definition: ListDefinition, field: string): string {
  const own = field === definition.titleFrom && !definition.columns.some((column) => column.name === field);
  return own ? 'Title' : field;
}

function encodeValue(column: ColumnDefinition, value: unknown): unknown {
  switch (column.type) {
    case 'json':
      return JSON.stringify(value);
    case 'date':
      return `${String(value)}T00:00:00Z`;
    default:
      return value;
  }
}

/**
 * SharePoint keeps a date-only value as midnight in the site's time zone, so a Stockholm site
 * answers "2026-05-31T22:00:00Z" for 1 June: the nearest UTC midnight is the date meant.
 */
function dateOnly(value: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) return value.slice(0, 10);
  return new Date(Math.round(time / 86_400_000) * 86_400_000).toISOString().slice(0, 10);
}

function decodeValue(column: ColumnDefinition, value: unknown): unknown {
  switch (column.type) {
    case 'json':
      return typeof value === 'string' ? JSON.parse(value) : value;
    case 'date':
      return typeof value === 'string' ? dateOnly(value) : value;
    case 'number':
      return typeof value === 'string' ? Number(value) : value;
    case 'boolean':
      return typeof value === 'string' ? value === '1' || value.toLowerCase() === 'true' : value;
    default:
      return value;
  }
}

/**
 * Encodes an entity (or a patch) for SharePoint. Absent fields are omitted; in a patch a field set
 * to `undefined` is sent as null, which clears the column. The `titleFrom` field is copied to Title.
 */
export function encodeFields(definition: ListDefinition, entity: Fields, system: Fields = {}): Fields {
  const columns = columnsOf(definition);
  const out: Fields = {};
  for (const [name, value] of Object.entries({ ...entity, ...system })) {
    const column = columns.get(name);
    if (!column && name === definition.titleFrom) {
      // a field named like the built-in Title column lives in Title itself (see definition.ts)
      out.Title = value === undefined || value === null ? null : String(value);
      continue;
    }
    if (!column) throw new InvalidItemError(definition.key, name, 'the list has no such column');
    const encoded = value === undefined || value === null ? null : encodeValue(column, value);
    out[sharePointName(definition, name)] = encoded;
    if (name === definition.titleFrom) out.Title = encoded === null ? null : String(value);
  }
  return out;
}

/** The system columns the store writes itself. */
export interface SystemFields {
  readonly clientKey?: string;
  readonly createdByUser?: string;
  readonly modifiedByUser?: string;
}

const systemNames = new Set(commonColumns.map((column) => column.name));

/**
 * Decodes an item's `fields` into the domain entity and the system columns. Columns the
 * definition does not name (Title, Created, LookupIds, ...) are ignored.
 */
export function decodeFields(definition: ListDefinition, fields: Fields): { entity: Fields; system: SystemFields } {
  const entity: Fields = {};
  const system: Record<string, string> = {};
  for (const column of columnsOf(definition).values()) {
    const raw = fields[sharePointName(definition, column.name)];
    if (raw === undefined || raw === null) continue;
    if (systemNames.has(column.name)) system[column.name] = String(raw);
    else entity[column.name] = decodeValue(column, raw);
  }
  if (!columnsOf(definition).has(definition.titleFrom) && typeof fields.Title === 'string') entity[definition.titleFrom] = fields.Title;
  return { entity, system };
}
