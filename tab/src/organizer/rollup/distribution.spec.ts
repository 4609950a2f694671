import { describe, expect, it } from 'vitest';
import { bins } from './distribution';

describe('the distribution of values over units', () => {
  it('counts every value once, the highest in the last bin', () => {
    const result = bins([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5);
    expect(result.map((b) => b.count)).toEqual([2, 2, 2, 2, 3]);
    expect(result[0]).toMatchObject({ from: 0, to: 2 });
    expect(result.reduce((sum, b) => sum + b.count, 0)).toBe(11);
  });

  it('spans the target too, so its line falls on the axis', () => {
    const result = bins([80, 85, 90], 4, [100]);
    expect(result[0]?.from).toBe(80);
    expect(result[3]?.to).toBe(100);
    expect(result.map((b) => b.count)).toEqual([1, 1, 1, 0]);
  });

  it('holds equal values in one bin, and no values in none', () => {
    expect(bins([7, 7, 7], 3).map((b) => b.count)).toEqual([3, 0, 0]);
    expect(bins([], 3)).toEqual([]);
  });
});
