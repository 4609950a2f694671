import type { UnitPerson } from '../../../src/contract';
import { translator } from '../i18n/i18n';
import type { Language, MessageKey } from '../i18n/i18n';

/** Where the owner picker lists someone: the unit's principals, its staff, or others already offered. */
export type OwnerGroup = 'principal' | 'staff' | 'other';

/** Someone the owner picker offers. */
export interface OwnerOption {
  id: string;
  name: string;
  group: OwnerGroup;
}

/** Each group under the name of its role in the unit. */
const groupLabels = { principal: 'vocab.role.principal', staff: 'vocab.role.staff', other: 'common.ownersOthers' } as const satisfies Record<OwnerGroup, MessageKey>;

/** The server's name for a principal the directory could not name (src/services/meeting-live-people.ts). */
const unnamedPrincipal = 'Rektor';

/**
 * The people already offered (the signed-in user, owners, participants) merged with the unit's
 * principals and staff, one per id, sorted by name. The unit's names win, except its placeholder
 * for an unnamed principal when someone else already knows the name.
 */
export function ownerOptions(offered: readonly { id: string; name: string }[], unitPeople: readonly UnitPerson[]): OwnerOption[] {
  const byId = new Map<string, { name: string; group: OwnerGroup }>();
  for (const person of offered) if (!byId.has(person.id)) byId.set(person.id, { name: person.name, group: 'other' });
  for (const person of unitPeople) {
    const known = byId.get(person.userId);
    const principal = person.roles.includes('principal');
    const name = known && principal && person.name === unnamedPrincipal ? known.name : person.name;
    byId.set(person.userId, { name, group: principal ? 'principal' : person.roles.includes('staff') ? 'staff' : 'other' });
  }
  return [...byId.entries()]
    .map(([id, { name, group }]) => ({ id, name, group }))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv') || a.id.localeCompare(b.id));
}

/**
 * The options in labelled groups (principals, staff, others), each sorted by name; one unlabelled
 * group when nobody's role is known, so the picker is a plain list then.
 */
export function groupedOwnerOptions(options: readonly OwnerOption[], language: Language): { label?: string; options: OwnerOption[] }[] {
  if (options.every((option) => option.group === 'other')) return [{ options: [...options] }];
  const t = translator(language);
  return (['principal', 'staff', 'other'] as const)
    .map((group) => ({ label: t(groupLabels[group]), options: options.filter((option) => option.group === group) }))
    .filter((group) => group.options.length > 0);
}
