import { describe, expect, it } from 'vitest';
import type { Indicator, Measurement } from '../../../../src/contract';
import { scale, seriesOf } from './series';

const meta = (id: string) => ({ id, etag: `"${id},1"`, createdAt: '', modifiedAt: '' });
const indicator = (id: string, name: string): Indicator => ({ ...meta(id), name, source: 'grades', unitOfMeasure: 'percent', direction: 'higherIsBetter', target: 80 });
const m = (id: string, indicatorId: string, period: string, value: number, groups?: { group: string; value: number }[]): Measurement => ({
  ...meta(id), unitId: '1', indicatorId, period, schoolYear: period.slice(0, 7), value, ...(groups ? { groups } : {}),
});

describe('seriesOf', () => {
  it('orders each indicator\'s results by period, collects its groups and drops indicators without results', () => {
    const series = seriesOf([indicator('a', 'Behörighet'), indicator('b', 'Närvaro')], [
      m('2', 'a', '2024/25', 74, [{ group: 'Flickor', value: 78 }]),
      m('1', 'a', '2023/24', 70, [{ group: 'Pojkar', value: 66 }]),
    ]);
    expect(series).toHaveLength(1);
    expect(series[0]?.points.map((p) => p.period)).toEqual(['2023/24', '2024/25']);
    expect(series[0]?.groups).toEqual(['Pojkar', 'Flickor']);
  });

  it('scales the highest value to the top and the lowest to the bottom', () => {
    const y = scale([10, 20], 100, 10);
    expect(y(20)).toBe(10);
    expect(y(10)).toBe(90);
  });
});
