import { invalidFieldValue, invalidRequest } from './errors';
import type { ColumnState, FieldValue } from './model';

const isoDate = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** SharePoint stores dateTime values to the second and returns them in UTC: `2024-05-01T08:30:00Z`. */
export function normalizeDateTime(value: string): string | undefined {
  const match = isoDate.exec(value);
  if (!match) return undefined;
  const withTime = match[4] === undefined ? `${value}T00:00:00Z` : match[7] === undefined ? `${value}Z` : value;
  const time = Date.parse(withTime);
  if (Number.isNaN(time)) return undefined;
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Checks and normalizes one written value; `null` clears the field. */
export function normalizeValue(column: ColumnState, value: unknown): FieldValue | null {
  if (value === null) return null;
  const type = column.type;
  switch (type.kind) {
    case 'text':
      if (typeof value !== 'string') throw invalidFieldValue(column.name, 'a string');
      if (value.length > type.maxLength) {
        throw invalidRequest(`The value of field '${column.name}' exceeds the maximum length of ${type.maxLength} characters.`);
      }
      return value;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidFieldValue(column.name, 'a number');
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw invalidFieldValue(column.name, 'true or false');
      return value;
    case 'dateTime': {
      const normalized = typeof value === 'string' ? normalizeDateTime(value) : undefined;
      if (normalized === undefined) throw invalidFieldValue(column.name, 'an ISO 8601 date and time');
      return normalized;
    }
    case 'choice':
      if (typeof value !== 'string') throw invalidFieldValue(column.name, 'one of its choices');
      if (!type.allowTextEntry && !type.choices.includes(value)) {
        throw invalidRequest(`The value '${value}' is not one of the choices of field '${column.name}'.`);
      }
      return value;
  }
}

/** The key a value sorts and matches by: text compares case-insensitively, as SharePoint does. */
export type Key = string | number;

export function keyOf(value: FieldValue): Key {
  if (typeof value === 'string') return value.toLowerCase();
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

export function compareKeys(a: Key, b: Key): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const left = String(a);
  const right = String(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Turns a $filter literal into the key it is compared by for this column. */
export function literalKey(column: ColumnState | undefined, literal: FieldValue): Key {
  if (column?.type.kind === 'dateTime' && typeof literal === 'string') {
    const normalized = normalizeDateTime(literal);
    if (normalized === undefined) throw invalidRequest(`Invalid date '${literal}' in the filter on field '${column.name}'.`);
    return keyOf(normalized);
  }
  return keyOf(literal);
}
