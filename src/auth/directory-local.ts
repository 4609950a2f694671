import { noStanding, type Directory, type Person, type Standing } from './directory';
import { PERSONAS, type Persona } from './personas';

export interface LocalDirectoryOptions {
  /** who signs in locally; staff are found by their `groups`. Default: the dev identity provider's personas */
  readonly personas?: readonly LocalPerson[];
  /**
   * Other fictional people, found by id only: the seed's principals who are no personas
   * (they lead units but cannot sign in).
   */
  readonly people?: readonly { readonly id: string; readonly name: string }[];
}

/** A persona as the local directory knows it: app roles as the dev identity provider signs them. */
type LocalPerson = Pick<Persona, 'userId' | 'name' | 'groups'> & Partial<Pick<Persona, 'appRoles'>>;

/** Local mode's directory: the personas and the seed's people, answered from memory. */
export class LocalDirectory implements Directory {
  private readonly personas: readonly LocalPerson[];
  private readonly byId: ReadonlyMap<string, Person>;

  constructor(options: LocalDirectoryOptions = {}) {
    this.personas = options.personas ?? PERSONAS;
    const byId = new Map<string, Person>();
    for (const person of options.people ?? []) byId.set(person.id, { userId: person.id, name: person.name });
    // a persona's own name wins over another list's spelling
    for (const persona of this.personas) byId.set(persona.userId, { userId: persona.userId, name: persona.name });
    this.byId = byId;
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
}
