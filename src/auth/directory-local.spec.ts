import { describe, expect, it } from 'vitest';
import { demoPeople } from '../emulator/seed-data';
import { LocalDirectory } from './directory-local';
import { PERSONA_USER_IDS, STAFF_GROUP_IDS } from './personas';

const directory = new LocalDirectory({ people: Object.values(demoPeople) });

describe('LocalDirectory.groupMembers', () => {
  it('answers the personas whose groups hold the staff group: Björkskolan has Elin Berg', async () => {
    const staff = await directory.groupMembers(STAFF_GROUP_IDS.bjorkskolan);
    expect(staff).toEqual([{ userId: PERSONA_USER_IDS.staffBjork, name: 'Elin Berg' }]);
  });

  it('answers nobody for a group it does not know', async () => {
    expect(await directory.groupMembers('2b000000-0000-4000-8000-0000000000ff')).toEqual([]);
  });
});

describe('LocalDirectory.people', () => {
  it('names personas (with their address) and the seed principals who are no personas, leaving out unknown ids', async () => {
    const people = await directory.people([PERSONA_USER_IDS.principalBjork, demoPeople.principalTallasen.id, 'unknown', PERSONA_USER_IDS.principalBjork]);
    expect(people).toEqual([
      { userId: PERSONA_USER_IDS.principalBjork, name: 'Cecilia Ek', mail: 'cecilia.ek@demokommun.example' },
      { userId: demoPeople.principalTallasen.id, name: 'Ivar Lund' },
    ]);
  });

  it('without the seed knows the personas only', async () => {
    const personasOnly = new LocalDirectory();
    expect(await personasOnly.people([demoPeople.principalTallasen.id, PERSONA_USER_IDS.staffLind])).toEqual([
      { userId: PERSONA_USER_IDS.staffLind, name: 'Farid Haddad', mail: 'farid.haddad@demokommun.example' },
    ]);
  });
});

describe('LocalDirectory.searchPeople and searchGroups', () => {
  it('finds people by the start of a word of their name, personas with their address, at most the limit', async () => {
    const found = await directory.searchPeople('ce', 10);
    expect(found).toEqual([{ userId: PERSONA_USER_IDS.principalBjork, name: 'Cecilia Ek', mail: 'cecilia.ek@demokommun.example' }]);
    expect((await directory.searchPeople('LIND', 10)).map((p) => p.name)).toEqual(['Anna Lindqvist']);
    // the seed's principals who cannot sign in are found too
    expect((await directory.searchPeople('hanna', 10)).map((p) => p.name)).toEqual(['Hanna Vik']);
    expect(await directory.searchPeople('e', 2)).toHaveLength(2);
    expect(await directory.searchPeople('zz', 10)).toEqual([]);
  });

  it('finds the demo staff groups by a word of their name, and names them by id', async () => {
    expect((await directory.searchGroups('personal', 10)).map((g) => g.name)).toEqual(['Personal Björkskolan', 'Personal Ekbackens förskola', 'Personal Lindgymnasiet']);
    expect(await directory.searchGroups('ekback', 10)).toEqual([{ groupId: STAFF_GROUP_IDS.ekbackensForskola, name: 'Personal Ekbackens förskola' }]);
    expect(await directory.groups([STAFF_GROUP_IDS.lindgymnasiet, 'unknown'])).toEqual([{ groupId: STAFF_GROUP_IDS.lindgymnasiet, name: 'Personal Lindgymnasiet' }]);
  });
});

describe('LocalDirectory.standing', () => {
  it('answers what the dev identity provider signs: a persona\'s app roles and the asked groups it is in', async () => {
    expect(await directory.standing(PERSONA_USER_IDS.staffBjork, [STAFF_GROUP_IDS.bjorkskolan, STAFF_GROUP_IDS.lindgymnasiet])).toEqual({ appRoles: [], groups: [STAFF_GROUP_IDS.bjorkskolan] });
    expect(await directory.standing(PERSONA_USER_IDS.admin, [STAFF_GROUP_IDS.bjorkskolan])).toEqual({ appRoles: ['Administration'], groups: [] });
  });

  it('gives someone it does not know no standing', async () => {
    expect(await directory.standing('00000000-0000-0000-0000-0000000000020', [STAFF_GROUP_IDS.bjorkskolan])).toEqual({ appRoles: [], groups: [] });
  });
});
