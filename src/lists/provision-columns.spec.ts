import { describe, expect, it } from 'vitest';
import type { ColumnDefinition, ListDefinition } from './definition';
import { planColumns, toGraphColumn, type GraphColumn } from './provision-columns';

const list = (columns: ColumnDefinition[], titleFrom = 'name'): ListDefinition =>
  ({ key: 'things', displayName: 'KH Things', description: 'Saker', titleFrom, columns });

describe('toGraphColumn', () => {
  it.each([
    [{ name: 'a', type: 'text' }, { text: { maxLength: 255 } }],
    [{ name: 'a', type: 'note' }, { text: { allowMultipleLines: true } }],
    [{ name: 'a', type: 'json' }, { text: { allowMultipleLines: true } }],
    [{ name: 'a', type: 'number' }, { number: {} }],
    [{ name: 'a', type: 'boolean' }, { boolean: {} }],
    [{ name: 'a', type: 'date' }, { dateTime: { format: 'dateOnly' } }],
    [{ name: 'a', type: 'dateTime' }, { dateTime: { format: 'dateTime' } }],
    [{ name: 'a', type: 'choice', choices: ['x', 'y'] }, { choice: { choices: ['x', 'y'], allowTextEntry: false } }],
  ] as [ColumnDefinition, Record<string, unknown>][])('maps %o to its Graph facet', (column, facet) => {
    expect(toGraphColumn(column)).toEqual({
      name: 'a', displayName: 'a', indexed: false, required: false, enforceUniqueValues: false, ...facet,
    });
  });

  it('carries indexed, required, unique and the display name', () => {
    expect(toGraphColumn({ name: 'clientKey', type: 'text', indexed: true, required: true, unique: true, displayName: 'Klientnyckel' }))
      .toMatchObject({ name: 'clientKey', displayName: 'Klientnyckel', indexed: true, required: true, enforceUniqueValues: true });
  });
});

describe('planColumns', () => {
  const graphText = (name: string, more: Partial<GraphColumn> = {}): GraphColumn => ({ id: `id-${name}`, name, text: { allowMultipleLines: false }, ...more });

  it('is empty when the site matches the definition', () => {
    const plan = planColumns(list([{ name: 'name', type: 'text', indexed: true }]), [graphText('Title'), graphText('name', { indexed: true })]);
    expect(plan).toEqual({ add: [], patch: [], conflicts: [] });
  });

  it('adds missing columns and patches only the settings that differ', () => {
    const plan = planColumns(
      list([{ name: 'name', type: 'text', required: true }, { name: 'code', type: 'text', indexed: true, unique: true }, { name: 'n', type: 'number' }]),
      [graphText('name'), graphText('code', { indexed: false })],
    );
    expect(plan.add).toEqual([toGraphColumn({ name: 'n', type: 'number' })]);
    expect(plan.patch).toEqual([
      { id: 'id-name', name: 'name', body: { required: true } },
      { id: 'id-code', name: 'code', body: { indexed: true, enforceUniqueValues: true } },
    ]);
  });

  it('adds missing choices and keeps the ones the site has beyond the definition', () => {
    const plan = planColumns(list([{ name: 'status', type: 'choice', choices: ['open', 'done'] }]), [
      { id: 'id-status', name: 'status', choice: { choices: ['open', 'legacy'] } },
    ]);
    expect(plan.patch).toEqual([{ id: 'id-status', name: 'status', body: { choice: { choices: ['open', 'done', 'legacy'], allowTextEntry: false } } }]);
  });

  it('leaves a column whose type differs alone and reports it', () => {
    const plan = planColumns(list([{ name: 'count', type: 'number' }, { name: 'notes', type: 'json' }]), [graphText('count'), graphText('notes')]);
    expect(plan.add).toEqual([]);
    expect(plan.patch).toEqual([]);
    expect(plan.conflicts).toEqual([
      { name: 'count', onSite: 'singleLineText', inDefinition: 'number' },
      { name: 'notes', onSite: 'singleLineText', inDefinition: 'multiLineText' },
    ]);
  });

  it('makes a required Title optional when the list derives its Title', () => {
    const plan = planColumns(list([], 'name'), [graphText('Title', { required: true })]);
    expect(plan.patch).toEqual([{ id: 'id-Title', name: 'Title', body: { required: false } }]);
  });
});
