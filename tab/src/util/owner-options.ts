import type { UnitPerson } from '../api/client';
import type { Language } from '../i18n/i18n';

/** Someone the owner picker offers: `label` adds the role in the unit when it is known. */
export interface OwnerOption {
  id: string;
  name: string;
  label: string;
}

const roleWords: Record<Language, Record<UnitPerson['roles'][number], string>> = {
  sv: { principal: 'rektor', staff: 'personal' },
  en: { principal: 'principal', staff: 'staff' },
};

/** The server's name for a principal the directory could not name (src/services/meeting-live-people.ts). */
const unnamedPrincipal = 'Rektor';

/**
 * The people already offered (the signed-in user, owners, participants) merged with the unit's
 * principals and staff, one per id, sorted by name. The unit's names win, except its placeholder
 * for an unnamed principal when someone else already knows the name.
 */
export function ownerOptions(offered: readonly { id: string; name: string }[], unitPeople: readonly UnitPerson[], language: Language): OwnerOption[] {
  const byId = new Map<string, { name: string; roles: UnitPerson['roles'] }>();
  for (const person of offered) if (!byId.has(person.id)) byId.set(person.id, { name: person.name, roles: [] });
  for (const person of unitPeople) {
    const known = byId.get(person.userId);
    const name = known && person.name === unnamedPrincipal && person.roles.includes('principal') ? known.name : person.name;
    byId.set(person.userId, { name, roles: person.roles });
  }
  const words = roleWords[language];
  return [...byId.entries()]
    .map(([id, { name, roles }]) => ({ id, name, label: roles.length > 0 ? `${name} (${roles.map((role) => words[role]).join(', ')})` : name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv') || a.id.localeCompare(b.id));
}
