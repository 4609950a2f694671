import { describe, expect, it } from 'vitest';
import { participant, previousSchoolYear, schoolYear, schoolYearOf } from './common';

describe('schoolYear', () => {
  it('accepts consecutive years and refuses others', () => {
    expect(schoolYear.safeParse('2025/26').success).toBe(true);
    expect(schoolYear.safeParse('2099/00').success).toBe(true);
    expect(schoolYear.safeParse('2025/27').success).toBe(false);
    expect(schoolYear.safeParse('25/26').success).toBe(false);
  });

  it('starts a new school year on 1 July', () => {
    expect(schoolYearOf('2026-06-30T12:00:00Z')).toBe('2025/26');
    expect(schoolYearOf('2026-07-01T00:00:00Z')).toBe('2026/27');
    expect(previousSchoolYear('2026/27')).toBe('2025/26');
  });
});

describe('participant', () => {
  it('counts pupils and never names them', () => {
    expect(participant.safeParse({ role: 'pupils', count: 4 }).success).toBe(true);
    const named = participant.safeParse({ role: 'pupils', count: 1, displayName: 'Kalle' });
    expect(named.success).toBe(false);
    expect(named.error?.issues[0]?.path).toEqual(['displayName']);
  });

  it('names staff', () => {
    expect(participant.safeParse({ role: 'teacher', displayName: 'Elin Berg' }).success).toBe(true);
    expect(participant.safeParse({ role: 'teacher' }).success).toBe(false);
  });
});

describe('objectId', () => {
  it('takes any GUID form, as test tenants and the Agents Playground send them', async () => {
    const { objectId } = await import('./common');
    expect(objectId.safeParse('00000000-0000-0000-0000-0000000000aa').success).toBe(true);
    expect(objectId.safeParse('1a000000-0000-4000-8000-000000000001').success).toBe(true);
    expect(objectId.safeParse('user-1').success).toBe(false);
  });
});
