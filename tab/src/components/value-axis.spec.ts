import { describe, expect, it } from 'vitest';
import { chartAxis } from './value-axis';

describe('a results chart\'s value axis on the plot', () => {
  it('puts zero at the bottom and 100 % at the top, so 81 and 84 % sit close together', () => {
    const axis = chartAxis('percent', [81, 84], 10, 90);
    expect(axis.y(100)).toBe(10);
    expect(axis.y(0)).toBe(90);
    expect(axis.y(84) - axis.y(81)).toBeCloseTo(-2.4);
  });
});
