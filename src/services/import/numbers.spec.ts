import { describe, expect, it } from 'vitest';
import { parseSwedishNumber } from './numbers';
import { readPeriod } from './period';

describe('parseSwedishNumber', () => {
  it.each([
    ['12,5', 12.5], ['12.5', 12.5], ['1 234,5', 1234.5], ['1\u00a0234', 1234], ['−3,2', -3.2], ['-0,5', -0.5], ['87%', 87], [' 230 ', 230], [',5', 0.5],
  ])('reads %s as %d', (raw, value) => {
    expect(parseSwedishNumber(raw)).toEqual({ kind: 'value', value });
  });

  it.each(['', '.', '..', '*', '~100', '-'])('treats %j as a missing value', (raw) => {
    expect(parseSwedishNumber(raw)).toEqual({ kind: 'missing' });
  });

  it.each(['abc', '12,5,3', '1e5', '12 kr'])('refuses %j', (raw) => {
    expect(parseSwedishNumber(raw)).toEqual({ kind: 'invalid' });
  });
});

describe('readPeriod', () => {
  it('takes a bare year as the school year ending in it', () => {
    expect(readPeriod('2025')).toEqual({ period: '2024/25', schoolYear: '2024/25' });
  });

  it('takes school years and terms as written', () => {
    expect(readPeriod('2024/25')).toEqual({ period: '2024/25', schoolYear: '2024/25' });
    expect(readPeriod('2024/2025')).toEqual({ period: '2024/25', schoolYear: '2024/25' });
    expect(readPeriod('2024/25 vt')).toEqual({ period: '2024/25 VT', schoolYear: '2024/25' });
    expect(readPeriod('2099/00')).toEqual({ period: '2099/00', schoolYear: '2099/00' });
  });

  it('refuses years that do not follow each other and other text', () => {
    expect(readPeriod('2024/26')).toBeUndefined();
    expect(readPeriod('2024/2026')).toBeUndefined();
    expect(readPeriod('förra året')).toBeUndefined();
  });
});
