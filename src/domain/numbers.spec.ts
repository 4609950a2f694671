import { describe, expect, it } from 'vitest';
import { parseSwedishNumber } from './numbers';

describe('parseSwedishNumber', () => {
  it.each([
    ['12,5', 12.5], ['12,5 %', 12.5], ['12.5', 12.5], ['1 234 567,25', 1234567.25], ['−3', -3], ['1 234,5', 1234.5], ['1\u00a0234', 1234], ['−3,2', -3.2], ['-0,5', -0.5], ['87%', 87], [' 230 ', 230], [',5', 0.5],
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
