import { describe, expect, it } from 'vitest';
import type { Indicator, Measurement } from '../../../../src/contract';
import { mainKind, seriesOf, timeAxis } from './series';

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

  it('orders months, terms and school years by when they end, each with its kind', () => {
    const series = seriesOf([indicator('a', 'Närvaro')], [
      m('1', 'a', '2025/26', 93), m('2', 'a', '2025/26 HT', 92), m('3', 'a', '2025/26 2025-10', 91), m('4', 'a', '2025/26 2025-09', 90), m('5', 'a', '2025/26 VT', 94),
    ]);
    expect(series[0]?.points.map((p) => [p.period, p.kind])).toEqual([
      ['2025/26 2025-09', 'month'], ['2025/26 2025-10', 'month'], ['2025/26 HT', 'term'], ['2025/26 VT', 'term'], ['2025/26', 'schoolYear'],
    ]);
    expect(mainKind(series[0] ?? { points: [] })).toBe('month');
  });

  it('places each period at the middle of the months it covers', () => {
    const x = timeAxis(['2025/26 2025-08', '2025/26 HT', '2025/26 2025-12', '2025/26 VT']);
    expect(x('2025/26 2025-08')).toBe(0);
    expect(x('2025/26 VT')).toBe(1);
    expect(x('2025/26 HT')).toBeCloseTo(2 / 7.5);
    expect(x('2025/26 2025-12')).toBeCloseTo(4 / 7.5);
    expect(timeAxis(['2025/26'])('2025/26')).toBe(0.5);
  });
});
