import { describe, expect, it } from 'vitest';
import { ownerOptions } from './owner-options';

describe('ownerOptions', () => {
  it('merges the offered people with the unit\'s, one per id, sorted by name, with Swedish role labels', () => {
    const options = ownerOptions(
      [{ id: 'u-cecilia', name: 'Cecilia Ek' }, { id: 'u-david', name: 'David Berg' }],
      [
        { userId: 'u-elin', name: 'Elin Berg', roles: ['staff'] },
        { userId: 'u-cecilia', name: 'Cecilia Ek', roles: ['principal'] },
        { userId: 'u-ali', name: 'Ali Nur', roles: ['principal', 'staff'] },
      ],
      'sv',
    );
    expect(options).toEqual([
      { id: 'u-ali', name: 'Ali Nur', label: 'Ali Nur (rektor, personal)' },
      { id: 'u-cecilia', name: 'Cecilia Ek', label: 'Cecilia Ek (rektor)' },
      { id: 'u-david', name: 'David Berg', label: 'David Berg' },
      { id: 'u-elin', name: 'Elin Berg', label: 'Elin Berg (personal)' },
    ]);
  });

  it('takes the unit\'s name, except its placeholder for a principal someone already named', () => {
    const options = ownerOptions(
      [{ id: 'p1', name: 'Cecilia Ek' }, { id: 's1', name: 'E. Berg' }],
      [{ userId: 'p1', name: 'Rektor', roles: ['principal'] }, { userId: 's1', name: 'Elin Berg', roles: ['staff'] }, { userId: 'p2', name: 'Rektor', roles: ['principal'] }],
      'en',
    );
    expect(options.map((option) => option.label)).toEqual(['Cecilia Ek (principal)', 'Elin Berg (staff)', 'Rektor (principal)']);
  });

  it('without the unit\'s people offers exactly the people given, sorted', () => {
    expect(ownerOptions([{ id: 'b', name: 'Örjan' }, { id: 'a', name: 'Åsa' }, { id: 'c', name: 'Zelda' }], [], 'sv').map((option) => option.name)).toEqual(['Zelda', 'Åsa', 'Örjan']);
  });
});
