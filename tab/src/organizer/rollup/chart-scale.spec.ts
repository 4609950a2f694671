import { describe, expect, it } from 'vitest';
import { barScale } from './chart-scale';

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
