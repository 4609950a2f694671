import { describe, expect, it } from 'vitest';
import { groupedOwnerOptions, ownerOptions } from './owner-options';

describe('ownerOptions', () => {
  it('merges the offered people with the unit\'s, one per id, sorted by name, with their place in the unit', () => {
    const options = ownerOptions(
      [{ id: 'u-cecilia', name: 'Cecilia Ek' }, { id: 'u-david', name: 'David Berg' }],
      [
        { userId: 'u-elin', name: 'Elin Berg', roles: ['staff'] },
        { userId: 'u-cecilia', name: 'Cecilia Ek', roles: ['principal'] },
        { userId: 'u-ali', name: 'Ali Nur', roles: ['principal', 'staff'] },
      ],
    );
    expect(options).toEqual([
      { id: 'u-ali', name: 'Ali Nur', group: 'principal' },
      { id: 'u-cecilia', name: 'Cecilia Ek', group: 'principal' },
      { id: 'u-david', name: 'David Berg', group: 'other' },
      { id: 'u-elin', name: 'Elin Berg', group: 'staff' },
    ]);
  });

  it('takes the unit\'s name, except its placeholder for a principal someone already named', () => {
    const options = ownerOptions(
      [{ id: 'p1', name: 'Cecilia Ek' }, { id: 's1', name: 'E. Berg' }],
      [{ userId: 'p1', name: 'Rektor', roles: ['principal'] }, { userId: 's1', name: 'Elin Berg', roles: ['staff'] }, { userId: 'p2', name: 'Rektor', roles: ['principal'] }],
    );
    expect(options.map((option) => option.name)).toEqual(['Cecilia Ek', 'Elin Berg', 'Rektor']);
  });

  it('without the unit\'s people offers exactly the people given, sorted the Swedish way', () => {
    expect(ownerOptions([{ id: 'b', name: 'Örjan' }, { id: 'a', name: 'Åsa' }, { id: 'c', name: 'Zelda' }], []).map((option) => option.name)).toEqual(['Zelda', 'Åsa', 'Örjan']);
  });
});

describe('groupedOwnerOptions', () => {
  it('groups by role with Swedish labels, leaving out empty groups', () => {
    const groups = groupedOwnerOptions(
      [{ id: 'a', name: 'Ali Nur', group: 'staff' }, { id: 'c', name: 'Cecilia Ek', group: 'principal' }, { id: 'e', name: 'Elin Berg', group: 'staff' }],
      'sv',
    );
    expect(groups.map((group) => [group.label, group.options.map((option) => option.name)])).toEqual([
      ['Rektor', ['Cecilia Ek']],
      ['Personal', ['Ali Nur', 'Elin Berg']],
    ]);
    expect(groupedOwnerOptions([{ id: 'x', name: 'X', group: 'other' }, { id: 's', name: 'S', group: 'staff' }], 'en').map((group) => group.label)).toEqual(['Staff', 'Others']);
  });

  it('is one plain list when nobody\'s role is known', () => {
    expect(groupedOwnerOptions([{ id: 'x', name: 'X', group: 'other' }], 'sv')).toEqual([{ options: [{ id: 'x', name: 'X', group: 'other' }] }]);
  });
});
