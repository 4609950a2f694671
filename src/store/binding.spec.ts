import { describe, expect, it } from 'vitest';
import { lists, type Entities } from '../lists/lists';
import type { ListBindings } from './binding';
import { columnsOf } from './fields';

describe('the product list bindings', () => {
  it('fit the store: every titleFrom field is a column, and the common columns are there', () => {
    const bindings: ListBindings<Entities> = lists;
    for (const binding of Object.values(bindings)) {
      const columns = columnsOf(binding.definition);
      expect(columns.has(binding.definition.titleFrom), binding.definition.key).toBe(true);
      expect(columns.get('clientKey')).toMatchObject({ indexed: true, unique: true });
    }
  });
});
