import { describe, expect, it } from 'vitest';
import { period } from './common';
import { formatterFor } from './format';
import { comparePeriods, monthsOf, parsePeriod, periodSpan, previousPeriod } from './period';
import { periodLabel } from './vocabulary';

describe('periods', () => {
  it('reads a school year, its terms and its months', () => {
    expect(parsePeriod('2025/26')).toEqual({ schoolYear: '2025/26', kind: 'schoolYear' });
    expect(parsePeriod('2025/26 HT')).toEqual({ schoolYear: '2025/26', kind: 'term', term: 'HT' });
    expect(parsePeriod('2025/26 2026-03')).toEqual({ schoolYear: '2025/26', kind: 'month', month: '2026-03' });
  });

  it('refuses a month outside its school year, a month that does not exist, and years that do not follow', () => {
    for (const value of ['2025/26 2026-07', '2025/26 2025-06', '2025/26 2025-13', '2025/27', '2025/26 okt', '2025/26 ht']) {
      expect(parsePeriod(value), value).toBeUndefined();
      expect(period.safeParse(value).success, value).toBe(false);
    }
    expect(period.safeParse('2025/26 2025-10').success).toBe(true);
    expect(monthsOf('2025/26')).toEqual(['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
  });

  it('spans the months each covers', () => {
    expect(periodSpan('2025/26')).toEqual({ from: '2025-07', to: '2026-06' });
    expect(periodSpan('2025/26 HT')).toEqual({ from: '2025-08', to: '2025-12' });
    expect(periodSpan('2025/26 VT')).toEqual({ from: '2026-01', to: '2026-06' });
    expect(periodSpan('2025/26 2025-10')).toEqual({ from: '2025-10', to: '2025-10' });
  });

  it('orders periods by when they end, the shorter first', () => {
    const mixed = ['2025/26', '2025/26 VT', '2025/26 2026-06', '2025/26 HT', '2025/26 2025-12', '2025/26 2025-09', '2024/25', '2025/26 2026-02'];
    expect([...mixed].sort(comparePeriods)).toEqual([
      '2024/25', '2025/26 2025-09', '2025/26 2025-12', '2025/26 HT', '2025/26 2026-02', '2025/26 2026-06', '2025/26 VT', '2025/26',
    ]);
  });

  it('names a period as people read it', () => {
    const sv = formatterFor('sv');
    const en = formatterFor('en');
    expect(periodLabel('2025/26', sv)).toBe('2025/26');
    expect(periodLabel('2025/26 HT', sv)).toBe('HT 2025');
    expect(periodLabel('2025/26 VT', en)).toBe('Spring 2026');
    expect(periodLabel('2025/26 2025-10', sv)).toBe('okt. 2025');
    expect(periodLabel('2025/26 2026-01', en)).toBe('Jan 2026');
  });
});

describe('previousPeriod', () => {
  it('steps back one period of the same kind, across school years', () => {
    expect(previousPeriod('2026/27 VT')).toBe('2026/27 HT');
    expect(previousPeriod('2026/27 HT')).toBe('2025/26 VT');
    expect(previousPeriod('2026/27')).toBe('2025/26');
    expect(previousPeriod('2026/27 2026-10')).toBe('2026/27 2026-09');
    expect(previousPeriod('2026/27 2026-07')).toBe('2025/26 2026-06');
    expect(previousPeriod('2026/27 2027-01')).toBe('2026/27 2026-12');
    expect(previousPeriod('HT')).toBeUndefined();
  });
});
