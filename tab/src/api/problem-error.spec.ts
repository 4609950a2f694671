import { describe, expect, it } from 'vitest';
import { ProblemError, problemFrom } from './problem-error';

describe('ProblemError.fieldMessage', () => {
  it('drops the field\'s label the API puts before the message', () => {
    const error = new ProblemError({ status: 400, field: 'title', fieldLabel: 'Rubrik', detail: 'Rubrik: Texten innehåller ett personnummer.' });
    expect(error.fieldMessage).toBe('Texten innehåller ett personnummer.');
    expect(error.detail).toBe('Rubrik: Texten innehåller ett personnummer.');
  });

  it('keeps a detail that does not start with the field\'s label', () => {
    expect(new ProblemError({ status: 422, field: 'status', detail: 'en brist kan inte stängas' }).fieldMessage).toBe('en brist kan inte stängas');
    expect(new ProblemError({ status: 422, field: 'status', fieldLabel: 'Status', detail: 'en brist kan inte stängas' }).fieldMessage).toBe('en brist kan inte stängas');
  });

  it('reads the field and its label from a problem answer', async () => {
    const response = new Response(JSON.stringify({ status: 400, code: 'invalidBody', title: 'Ogiltiga uppgifter', detail: 'Fråga 1 – på svenska: måste fyllas i', field: 'questions.0.sv', fieldLabel: 'Fråga 1 – på svenska' }), { status: 400 });
    const error = await problemFrom(response);
    expect(error).toMatchObject({ field: 'questions.0.sv', fieldLabel: 'Fråga 1 – på svenska', fieldMessage: 'måste fyllas i' });
  });
});
