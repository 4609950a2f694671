import { describe, expect, it } from 'vitest';
import { resultSupport } from './analysis-support';

const merit = { direction: 'higherIsBetter' as const, target: 230 };
const school = { type: 'grundskola' as const };
const own = [
  { period: '2025/26 HT', value: 226, groups: [{ group: 'Flickor', value: 229 }, { group: 'Pojkar', value: 223 }, { group: 'Nyanlända', value: 210 }] },
  { period: '2025/26 VT', value: 221, groups: [{ group: 'Flickor', value: 231 }, { group: 'Pojkar', value: 212 }, { group: 'Nyanlända', value: 208 }] },
  // after the analysis period: not what the analysis of 2025/26 VT looks at
  { period: '2026/27 HT', value: 240 },
];
const others = [
  { unitType: 'grundskola' as const, measurement: { period: '2025/26 VT', value: 228 } },
  { unitType: 'grundskola' as const, measurement: { period: '2025/26 VT', value: 232 } },
  { unitType: 'gymnasieskola' as const, measurement: { period: '2025/26 VT', value: 100 } },
  { unitType: 'grundskola' as const, measurement: { period: '2025/26 HT', value: 300 } },
];

describe('what stands out beside a result', () => {
  it('takes the latest value up to the period, the previous one of its kind, and the averages of the same period', () => {
    const support = resultSupport(merit, school, own, others, '2025/26 VT');
    expect(support.current?.value).toBe(221);
    expect(support.previous?.period).toBe('2025/26 HT');
    expect(support.sameType).toEqual({ average: 230, units: 2 });
    expect(support.municipality).toEqual({ average: (221 + 228 + 232 + 100) / 4, units: 4 });
    expect(support.koladaMunicipality).toBeUndefined();
  });

  it('shows the municipality\'s own value from Kolada for the same period beside the average of the units', () => {
    const published = [{ period: '2025/26 HT', value: 250 }, { period: '2025/26 VT', value: 226.5 }];
    expect(resultSupport(merit, school, own, others, '2025/26 VT', published).koladaMunicipality).toBe(226.5);
    expect(resultSupport(merit, school, own, others, '2025/26 VT', [{ period: '2025/26', value: 224 }]).koladaMunicipality).toBeUndefined();
  });

  it('asks about a fall since last term, a value below target, gaps that grew, and a value below the same type', () => {
    const support = resultSupport(merit, school, own, others, '2025/26 VT');
    // the gap between nyanlända and all pupils shrank (16 to 13): no question about it
    expect(support.deviations).toEqual([
      { kind: 'worseThanLast', previousPeriod: '2025/26 HT' },
      { kind: 'belowTarget' },
      { kind: 'gapGrew', between: ['Flickor', 'Pojkar'], previousGap: 6, gap: 19 },
      { kind: 'belowSameType' },
    ]);
  });

  it('reads the direction: fewer is better for kränkningar', () => {
    const reports = [{ period: '2024/25', value: 12 }, { period: '2025/26', value: 9 }];
    const support = resultSupport({ direction: 'lowerIsBetter', target: 10 }, school, reports, [{ unitType: 'grundskola', measurement: { period: '2025/26', value: 7 } }], '2025/26');
    expect(support.deviations).toEqual([{ kind: 'belowSameType' }]);
  });

  it('finds nothing to compare when the unit has no result up to the period', () => {
    expect(resultSupport(merit, school, own, others, '2024/25 VT')).toEqual({ series: expect.any(Array), deviations: [] });
  });
});
