import { describe, expect, it } from 'vitest';
import { defaultActivityDate } from './year-wheel-view';

describe('a new activity\'s date', () => {
  it('is today when today is in the school year shown', () => {
    expect(defaultActivityDate('2026/27', '2026-12-01')).toBe('2026-12-01');
    expect(defaultActivityDate('2026/27', '2027-06-30')).toBe('2027-06-30');
  });

  it('is the first day of the school year shown when today is in another', () => {
    expect(defaultActivityDate('2027/28', '2026-12-01')).toBe('2027-07-01');
    expect(defaultActivityDate('2025/26', '2026-12-01')).toBe('2025-07-01');
  });
});
