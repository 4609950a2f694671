import { nameMatches, noStanding, type Directory, type Group, type Person, type Standing } from './directory';
import { PERSONAS, STAFF_GROUPS, type Persona } from './personas';

export interface LocalDirectoryOptions {
  /** who signs in locally; staff are found by their `groups`. Default: the dev identity provider's personas */
  readonly personas?: readonly LocalPerson[];
  /**
   * Other fictional people, found by id and by name: the seed's principals who are no personas
   * (they lead units but cannot sign in).
   */
  readonly people?: readonly { readonly id: string; readonly name: string }[];
  /** the staff groups. Default: the demo's */
  readonly groups?: readonly Group[];
}

/** A persona as the local directory knows it: app roles as the dev identity provider signs them. */
type LocalPerson = Pick<Persona, 'userId' | 'name' | 'groups'> & Partial<Pick<Persona, 'appRoles' | 'username'>>;

/** Local mode's directory: the personas, the seed's people and the demo staff groups, answered from memory. */
export class LocalDirectory implements Directory {
  private readonly personas: readonly LocalPerson[];
  private readonly byId: ReadonlyMap<string, Person>;
  private readonly groupsById: ReadonlyMap<string, Group>;

  constructor(options: LocalDirectoryOptions = {}) {
    this.personas = options.personas ?? PERSONAS;
    const byId = new Map<string, Person>();
    for (const person of options.people ?? []) byId.set(person.id, { userId: person.id, name: person.name });
    // a persona's own name wins over another list's spelling
    for (const persona of this.personas) byId.set(persona.userId, { userId: persona.userId, name: persona.name, ...(persona.username ? { mail: persona.username } : {}) });
    this.byId = byId;
    this.groupsById = new Map((options.groups ?? STAFF_GROUPS).map((group) => [group.groupId, group]));
  }

  async groupMembers(groupId: string): Promise<Person[]> {
    return this.personas.filter((persona) => persona.groups.includes(groupId)).map(({ userId, name }) => ({ userId, name }));
  }

  /** A persona's roles and groups, exactly what the dev identity provider puts in their token. */
  async standing(userId: string, groupIds: readonly string[]): Promise<Standing> {
    const persona = this.personas.find((candidate) => candidate.userId === userId);
    if (!persona) return noStanding;
    return { appRoles: persona.appRoles ?? [], groups: groupIds.filter((groupId) => persona.groups.includes(groupId)) };
  }

  async people(ids: readonly string[]): Promise<Person[]> {
    return [...new Set(ids)].flatMap((id) => {
      const person = this.byId.get(id);
      return person ? [person] : [];
    });
  }

  async groups(ids: readonly string[]): Promise<Group[]> {
    return [...new Set(ids)].flatMap((id) => {
      const group = this.groupsById.get(id);
      return group ? [group] : [];
    });
  }

  async searchPeople(text: string, limit: number): Promise<Person[]> {
    return [...this.byId.values()].filter((person) => nameMatches(person.name, text)).sort(byName).slice(0, limit);
  }

  async searchGroups(text: string, limit: number): Promise<Group[]> {
    return [...this.groupsById.values()].filter((group) => nameMatches(group.name, text)).sort(byName).slice(0, limit);
  }
}

function byName(a: { readonly name: string }, b: { readonly name: string }): number {
  return a.name.localeCompare(b.name, 'sv');
}
