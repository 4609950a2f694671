import { describe, expect, it } from 'vitest';
import { containsPersonalIdentityNumber, findPersonalIdentityNumbers } from './personal-identity';
import { freeText, personalIdentityCode } from './text';
import { legitimate, personalIdentityNumbers } from './testing/personal-identity-corpus';

const first = (text: string): string | undefined => findPersonalIdentityNumbers(text)[0]?.text;

describe('personal identity numbers in free text', () => {
  it('has a corpus of at least 30 of each kind', () => {
    expect(personalIdentityNumbers.length).toBeGreaterThanOrEqual(30);
    expect(legitimate.length).toBeGreaterThanOrEqual(30);
  });

  it.each(personalIdentityNumbers)('finds a valid one in %j', (text, found) => {
    expect(first(text)).toBe(found);
  });

  it.each(legitimate)('lets %j pass', (text) => {
    expect(containsPersonalIdentityNumber(text)).toBe(false);
  });

  it('finds every one in a text, where it stands', () => {
    const text = 'A 121212-1212, B 20130711–4346 och tel 070-123 45 67';
    expect(findPersonalIdentityNumbers(text)).toEqual([{ index: 2, text: '121212-1212' }, { index: 17, text: '20130711–4346' }]);
  });

  it('makes free text refuse it with a clear message and code', () => {
    const result = freeText(500).safeParse('Analysen gäller 19121212-1212');
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.message).toMatch(/personnummer/);
    expect(issue && 'params' in issue ? issue.params : undefined).toEqual({ code: personalIdentityCode });
  });
});
