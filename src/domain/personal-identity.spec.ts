import { describe, expect, it } from 'vitest';
import { containsPersonalIdentityNumber, findPersonalIdentityNumber } from './personal-identity';
import { freeText, personalIdentityCode } from './text';

describe('personal identity numbers in free text', () => {
  it.each([
    ['Elev 19121212-1212 behöver stöd', '19121212-1212'],
    ['pnr 121212-1212.', '121212-1212'],
    ['201212121212', '201212121212'],
    ['8112289874 saknas', '8112289874'],
    ['samordningsnummer 701063-2391', '701063-2391'],
  ])('finds a valid one in %j', (text, found) => {
    expect(findPersonalIdentityNumber(text)).toBe(found);
  });

  it.each([
    'Meritvärdet steg till 231,5 och behörigheten till 87 %',
    'Skolenhetskod 12345678',
    '19121212-1213', // wrong check digit
    '121312-1212', // month 13
    'ring 070-1234567',
    '2025/26 HT',
  ])('lets %j pass', (text) => {
    expect(containsPersonalIdentityNumber(text)).toBe(false);
  });

  it('makes free text refuse it with a clear message and code', () => {
    const result = freeText(500).safeParse('Analysen gäller 19121212-1212');
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.message).toMatch(/personnummer/);
    expect(issue && 'params' in issue ? issue.params : undefined).toEqual({ code: personalIdentityCode });
  });
});
