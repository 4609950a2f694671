import { describe, expect, it } from 'vitest';
import { valueAxis } from './chart-axis';

describe('the value axis of a results chart', () => {
  it('starts percent at zero and ends it at 100, so 81 to 84 % looks like the small change it is', () => {
    expect(valueAxis('percent', [81, 84])).toEqual({ min: 0, max: 100, ticks: [0, 25, 50, 75, 100] });
  });

  it('starts points and counts at zero and ends them at a round number above the highest value', () => {
    expect(valueAxis('points', [221, 229.8])).toMatchObject({ min: 0, max: 250 });
    expect(valueAxis('count', [3, 7])).toMatchObject({ min: 0, max: 10 });
  });

  it('draws a scale from its lowest step to its highest', () => {
    expect(valueAxis('scale', [3.1, 3.4])).toMatchObject({ min: 1, max: 4 });
    expect(valueAxis('scale', [2.1, 2.6])).toMatchObject({ min: 1, max: 4 });
  });

  it('has an axis for a chart without values', () => {
    expect(valueAxis('days', [])).toMatchObject({ min: 0, max: 1 });
  });
});
