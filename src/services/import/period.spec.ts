import { describe, expect, it } from 'vitest';
import { readPeriod } from './period';

describe('readPeriod', () => {
  it('takes a bare year as the school year ending in it', () => {
    expect(readPeriod('2025')).toEqual({ period: '2024/25', schoolYear: '2024/25' });
  });

  it('takes school years and terms as written', () => {
    expect(readPeriod('2024/25')).toEqual({ period: '2024/25', schoolYear: '2024/25' });
    expect(readPeriod('2024/2025')).toEqual({ period: '2024/25', schoolYear: '2024/25' });
    expect(readPeriod('2024/25 vt')).toEqual({ period: '2024/25 VT', schoolYear: '2024/25' });
    expect(readPeriod('2099/00')).toEqual({ period: '2099/00', schoolYear: '2099/00' });
  });

  it('takes a month as that month of its school year', () => {
    expect(readPeriod('2024-10')).toEqual({ period: '2024/25 2024-10', schoolYear: '2024/25' });
    expect(readPeriod('2025-03')).toEqual({ period: '2024/25 2025-03', schoolYear: '2024/25' });
    expect(readPeriod('2024/25 2025-03')).toEqual({ period: '2024/25 2025-03', schoolYear: '2024/25' });
    expect(readPeriod('2024/25 2025-09')).toBeUndefined();
    expect(readPeriod('2024-13')).toBeUndefined();
  });

  it('refuses years that do not follow each other and other text', () => {
    expect(readPeriod('2024/26')).toBeUndefined();
    expect(readPeriod('2024/2026')).toBeUndefined();
    expect(readPeriod('förra året')).toBeUndefined();
  });
});
