import { describe, expect, it } from 'vitest';
import { commonColumns, type ListDefinition } from '../lists/definition';
import { InvalidItemError } from './errors';
import { decodeFields, encodeFields } from './fields';
import { filterExpression, itemsPath, literal } from './odata';
import { checkQuery } from './query-rules';

const definition: ListDefinition = {
  key: 'actions',
  displayName: 'KH Actions',
  description: '',
  titleFrom: 'name',
  columns: [
    { name: 'name', type: 'text', required: true },
    { name: 'unitId', type: 'text', indexed: true },
    { name: 'due', type: 'date', indexed: true },
    { name: 'doneAt', type: 'dateTime' },
    { name: 'steps', type: 'json' },
    { name: 'notes', type: 'note' },
    { name: 'count', type: 'number' },
    { name: 'open', type: 'boolean' },
    ...commonColumns,
  ],
};

describe('encodeFields', () => {
  it('encodes per column type, copies the title field to Title and adds the system columns', () => {
    const fields = encodeFields(definition, { name: 'Studiero', due: '2026-06-01', doneAt: '2026-06-02T08:00:00Z', steps: [{ a: 1 }], count: 2, open: false }, { clientKey: 'k', createdByUser: 'u' });
    expect(fields).toEqual({
      name: 'Studiero',
      Title: 'Studiero',
      due: '2026-06-01T00:00:00Z',
      doneAt: '2026-06-02T08:00:00Z',
      steps: '[{"a":1}]',
      count: 2,
      open: false,
      clientKey: 'k',
      createdByUser: 'u',
    });
  });

  it('sends null for a field set to undefined, so a patch can clear it', () => {
    expect(encodeFields(definition, { notes: undefined })).toEqual({ notes: null });
  });

  it('refuses a field the list has no column for', () => {
    expect(() => encodeFields(definition, { nope: 1 })).toThrow(InvalidItemError);
  });
});

describe('decodeFields', () => {
  it('decodes per column type, splits off the system columns and ignores unknown columns', () => {
    const { entity, system } = decodeFields(definition, {
      '@odata.etag': '"x,1"',
      Title: 'Studiero',
      name: 'Studiero',
      due: '2026-06-01T00:00:00Z',
      steps: '[{"a":1}]',
      count: 2,
      open: false,
      clientKey: 'k',
      modifiedByUser: 'u',
      AuthorLookupId: '12',
      Modified: '2026-01-01T00:00:00Z',
    });
    expect(entity).toEqual({ name: 'Studiero', due: '2026-06-01', steps: [{ a: 1 }], count: 2, open: false });
    expect(system).toEqual({ clientKey: 'k', modifiedByUser: 'u' });
  });
});

describe('date-only columns', () => {
  it("read as the date meant whatever the site's time zone", () => {
    const read = (due: string) => decodeFields(definition, { due }).entity.due;
    expect(read('2026-06-01T00:00:00Z')).toBe('2026-06-01');
    expect(read('2026-05-31T22:00:00Z')).toBe('2026-06-01');
    expect(read('2026-06-01T05:00:00Z')).toBe('2026-06-01');
  });
});

describe('OData queries', () => {
  it('quotes strings with doubled quotes and dates as midnight UTC', () => {
    expect(literal('text', "O'Brien")).toBe("'O''Brien'");
    expect(literal('date', '2026-06-01')).toBe("'2026-06-01T00:00:00Z'");
    expect(literal('number', 3)).toBe('3');
    expect(literal('boolean', true)).toBe('true');
    expect(filterExpression(definition, [{ field: 'unitId', op: 'eq', value: 'u1' }, { field: 'due', op: 'lt', value: '2026-06-01' }])).toBe(
      "fields/unitId eq 'u1' and fields/due lt '2026-06-01T00:00:00Z'",
    );
  });

  it('URL-encodes the whole filter and orderby', () => {
    const path = itemsPath('/sites/s/lists/l', definition, { filter: [{ field: 'unitId', op: 'eq', value: 'a&b=c' }], orderBy: { field: 'due', descending: true }, top: 5 }, 200);
    expect(path).toBe("/sites/s/lists/l/items?expand=fields&$filter=fields%2FunitId%20eq%20'a%26b%3Dc'&$orderby=fields%2Fdue%20desc&$top=5");
  });

  it('refuses a first filter on a non-indexed column and any filter on a multi-line column', () => {
    expect(() => checkQuery(definition, { filter: [{ field: 'count', op: 'eq', value: 1 }] })).toThrow(/indexed/);
    expect(() => checkQuery(definition, { filter: [{ field: 'unitId', op: 'eq', value: 'u' }, { field: 'notes', op: 'eq', value: 'x' }] })).toThrow(/multi-line/);
    expect(checkQuery(definition, { filter: [{ field: 'unitId', op: 'eq', value: 'u' }, { field: 'count', op: 'gt', value: 1 }] })).toEqual({ needsNonIndexed: true });
    expect(checkQuery(definition, { filter: [{ field: 'unitId', op: 'eq', value: 'u' }], orderBy: { field: 'due' } })).toEqual({ needsNonIndexed: false });
  });
});

describe('a titleFrom field without a column of its own', () => {
  const goals: ListDefinition = { key: 'goals', displayName: 'KH Goals', description: '', titleFrom: 'title', columns: [{ name: 'unitId', type: 'text', indexed: true }, ...commonColumns] };

  it('is stored in Title and read back from it', () => {
    expect(encodeFields(goals, { title: 'Studiero', unitId: 'u' })).toEqual({ Title: 'Studiero', unitId: 'u' });
    expect(decodeFields(goals, { Title: 'Studiero', unitId: 'u' }).entity).toEqual({ title: 'Studiero', unitId: 'u' });
  });

  it('is filtered and sorted as Title', () => {
    expect(filterExpression(goals, [{ field: 'unitId', op: 'eq', value: 'u' }, { field: 'title', op: 'eq', value: 'x' }])).toBe("fields/unitId eq 'u' and fields/Title eq 'x'");
    expect(itemsPath('/l', goals, { orderBy: { field: 'title' } }, 5)).toContain('$orderby=fields%2FTitle');
  });
});
