import type { Directory } from '../auth/directory';
import type { Caller } from './caller';
import { unnamedPrincipal } from './meeting-live-people';
import type { UnitAccess } from './unit-access';

export type UnitPersonRole = 'principal' | 'staff';

/** Someone an action of the unit can be assigned to. */
export interface UnitPerson {
  readonly userId: string;
  readonly name: string;
  readonly roles: readonly UnitPersonRole[];
}

/**
 * A unit's people: its principals (the Units list) and the members of its staff group (the
 * directory). The directory degrades rather than fails, so this answers what is known: a principal
 * the directory cannot name is shown by role, or by the caller's own name when it is the caller.
 */
export class PeopleService {
  constructor(private readonly access: UnitAccess, private readonly directory: Directory) {}

  /** The unit's principals and staff, by name (unit.read). */
  async ofUnit(caller: Caller, unitId: string): Promise<UnitPerson[]> {
    const unit = await this.access.require(caller, 'unit.read', unitId);
    const { principalIds, staffGroupId } = unit.fields;
    const [principals, staff] = await Promise.all([
      principalIds.length > 0 ? this.directory.people(principalIds) : [],
      staffGroupId !== undefined ? this.directory.groupMembers(staffGroupId) : [],
    ]);
    const byId = new Map<string, { name: string; roles: Set<UnitPersonRole> }>();
    const note = (userId: string, name: string, role: UnitPersonRole): void => {
      const entry = byId.get(userId) ?? { name, roles: new Set<UnitPersonRole>() };
      entry.roles.add(role);
      byId.set(userId, entry);
    };
    const principalNames = new Map(principals.map((person) => [person.userId, person.name]));
    for (const id of principalIds) {
      note(id, principalNames.get(id) ?? (id === caller.userId ? caller.name : unnamedPrincipal), 'principal');
    }
    for (const person of staff) note(person.userId, person.name, 'staff');
    return [...byId.entries()]
      .map(([userId, entry]) => ({ userId, name: entry.name, roles: (['principal', 'staff'] as const).filter((role) => entry.roles.has(role)) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv') || a.userId.localeCompare(b.userId));
  }
}
