import type { Directory, Person } from './directory';
import { PERSONAS, type Persona } from './personas';

export interface LocalDirectoryOptions {
  /** who signs in locally; staff are found by their `groups`. Default: the dev identity provider's personas */
  readonly personas?: readonly Pick<Persona, 'userId' | 'name' | 'groups'>[];
  /**
   * Other fictional people, found by id only: the seed's principals who are no personas
   * (they lead units but cannot sign in).
   */
  readonly people?: readonly { readonly id: string; readonly name: string }[];
}

/** Local mode's directory: the personas and the seed's people, answered from memory. */
export class LocalDirectory implements Directory {
  private readonly personas: readonly Pick<Persona, 'userId' | 'name' | 'groups'>[];
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

  async people(ids: readonly string[]): Promise<Person[]> {
    return [...new Set(ids)].flatMap((id) => {
      const person = this.byId.get(id);
      return person ? [person] : [];
    });
  }
}
