import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UnitSchema, period, title } from '../domain';
import { fieldLabel, resourcesOf } from './field-labels';
import { issueWords } from './issue-words';

const firstIssue = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected an issue');
  const issue = result.error.issues[0];
  if (!issue) throw new Error('expected an issue');
  return issue;
};

describe('fieldLabel', () => {
  it('names a field by its label in the resource of the route, in Swedish and English', () => {
    expect(fieldLabel('name', resourcesOf('/units/:unitId'), 'sv')).toBe('Enhetens namn');
    expect(fieldLabel('name', resourcesOf('/indicators/:id'), 'sv')).toBe('Namn');
    expect(fieldLabel('type', resourcesOf('/units'), 'en')).toBe('School form');
    expect(fieldLabel('type', resourcesOf('/units/:unitId/meetings'), 'sv')).toBe('Mötestyp');
    expect(fieldLabel('direction', resourcesOf('/units/:unitId/analyses'), 'sv')).toBe('Vart ska vi?');
    expect(fieldLabel('ownerId', resourcesOf('/actions/:id'), 'sv')).toBe('Ansvarig');
  });

  it('counts a list\'s positions from 1 and names each part of a path', () => {
    expect(fieldLabel('questions.0.sv', resourcesOf('/follow-up-templates'), 'sv')).toBe('Fråga 1 – på svenska');
    expect(fieldLabel('questions.2.en', resourcesOf('/follow-up-templates'), 'en')).toBe('Question 3 – in English');
    expect(fieldLabel('participants.1.count', resourcesOf('/meetings/:id'), 'sv')).toBe('Deltagare 2 – Antal');
    expect(fieldLabel('strengths.0', resourcesOf('/analyses/:id'), 'sv')).toBe('Styrkor 1');
  });

  it('quotes a field the API does not take at all', () => {
    expect(fieldLabel('pupilName', resourcesOf('/units/:unitId/actions'), 'sv')).toBe('Fältet "pupilName"');
    expect(fieldLabel('pupilName', [], 'en')).toBe('The field "pupilName"');
  });
});

describe('issueWords', () => {
  it('says what is wrong in words, in both languages', () => {
    expect(issueWords(firstIssue(z.strictObject({ title }), {}))).toEqual({ sv: 'måste fyllas i', en: 'is required' });
    expect(issueWords(firstIssue(title, ''))).toEqual({ sv: 'måste fyllas i', en: 'is required' });
    expect(issueWords(firstIssue(title, 'x'.repeat(300)))).toEqual({ sv: 'får ha högst 255 tecken', en: 'may have at most 255 characters' });
    expect(issueWords(firstIssue(z.number().max(90), 91))).toEqual({ sv: 'får vara högst 90', en: 'may be at most 90' });
    expect(issueWords(firstIssue(z.iso.date(), '31/1'))).toEqual({ sv: 'ska vara ett datum som 2027-01-31', en: 'must be a date such as 2027-01-31' });
    expect(issueWords(firstIssue(z.strictObject({}), { pupil: 1 }))).toEqual({ sv: 'tas inte emot här', en: 'is not accepted here' });
  });

  it('uses the domain\'s own message in both languages where the schema gives one', () => {
    expect(issueWords(firstIssue(UnitSchema.shape.schoolUnitCode, '123'))).toEqual({ sv: 'skolenhetskoden har 8 siffror', en: 'the school unit code has 8 digits' });
    expect(issueWords(firstIssue(period, '2025'))).toMatchObject({ en: 'a period is written as 2025/26, 2025/26 HT, 2025/26 VT or a month of the school year such as 2025/26 2025-10' });
    expect(issueWords(firstIssue(title, 'Samtal 19121212-1212')).en).toMatch(/^The text contains a personal identity number/);
  });
});
