import { describe, expect, it } from 'vitest';
import { barScale, formatNumber } from './chart-scale';

describe('barScale', () => {
  it('puts zero at the bottom and the largest value below the top, leaving headroom', () => {
    const y = barScale([50, 100], 20, 220);
    expect(y(0)).toBe(220);
    expect(y(100)).toBeGreaterThan(20);
    expect(y(100)).toBeLessThan(y(50));
  });

  it('keeps a flat series drawable', () => {
    const y = barScale([0, 0], 0, 100);
    expect(Number.isFinite(y(0))).toBe(true);
  });
});

describe('formatNumber', () => {
  it('writes Swedish decimals with a comma and a missing value as a dash', () => {
    expect(formatNumber(236.54, 'sv')).toBe('236,5');
    expect(formatNumber(236.54, 'en')).toBe('236.5');
    expect(formatNumber(undefined, 'sv')).toBe('–');
  });
});
