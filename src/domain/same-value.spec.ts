import { describe, expect, it } from 'vitest';
import { sameValue } from './same-value';

describe('sameValue', () => {
  it('takes a date and time as the same instant to the second, whatever its offset', () => {
    expect(sameValue('2026-03-10T13:00:00+01:00', '2026-03-10T12:00:00Z')).toBe(true);
    expect(sameValue('2026-03-10T12:00:00.400Z', '2026-03-10T12:00:00Z')).toBe(true);
    expect(sameValue('2026-03-10T13:00:00+01:00', '2026-03-10T13:00:00Z')).toBe(false);
    expect(sameValue('2026-03-10', '2026-03-10T00:00:00Z')).toBe(false);
  });

  it('compares everything else as JSON values, nested, with undefined members left out', () => {
    expect(sameValue([{ id: 'a', title: 'Resultat', notes: undefined }], [{ title: 'Resultat', id: 'a' }])).toBe(true);
    expect(sameValue([{ id: 'a' }], [{ id: 'a' }, { id: 'b' }])).toBe(false);
    expect(sameValue({ count: 1 }, { count: '1' })).toBe(false);
    expect(sameValue('Läsning', 'läsning')).toBe(false);
    expect(sameValue(undefined, undefined)).toBe(true);
    expect(sameValue(undefined, '')).toBe(false);
  });
});
