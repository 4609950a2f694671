import { describe, expect, it } from 'vitest';
import { GoalSchema } from '../domain';
import { InvalidItemError } from './errors';
import { validatePatch } from './validate';

describe('validatePatch', () => {
  it('takes a patch of a schema with rules across fields (a goal)', () => {
    expect(validatePatch('goals', GoalSchema, { title: 'Studiero i alla klassrum' })).toEqual({ title: 'Studiero i alla klassrum' });
  });

  it('still refuses a bad field and an unknown one, naming them', () => {
    expect(() => validatePatch('goals', GoalSchema, { schoolYear: '2025/27' })).toThrow(InvalidItemError);
    let field: string | undefined;
    try {
      validatePatch('goals', GoalSchema, { colour: 'röd' });
    } catch (error) {
      if (error instanceof InvalidItemError) field = error.field;
    }
    expect(field).toBe('colour');
  });
});
