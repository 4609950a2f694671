import { describe, expect, it } from 'vitest';
import { ProblemError } from './problem-error';

describe('ProblemError.fieldMessage', () => {
  it('drops the field name the API puts before the message', () => {
    const error = new ProblemError({ status: 400, field: 'title', detail: 'title: Texten innehåller ett personnummer.' });
    expect(error.fieldMessage).toBe('Texten innehåller ett personnummer.');
    expect(error.detail).toBe('title: Texten innehåller ett personnummer.');
  });

  it('keeps a detail that does not start with the field', () => {
    expect(new ProblemError({ status: 422, field: 'status', detail: 'en brist kan inte stängas' }).fieldMessage).toBe('en brist kan inte stängas');
  });
});
