import { unitRoles } from '../../auth/policy';
import type { Me } from '../../contract';
import type { Caller } from '../../services';
import { membershipOf } from '../../services/unit-access';
import type { StoredItem } from '../../store/port';
import type { Unit } from '../../domain';

/** `GET /me`: the caller, and the units among those they see that they lead or work in. */
export function presentMe(caller: Caller, visibleUnits: readonly StoredItem<Unit>[]): Me {
  const units = visibleUnits
    .map((unit) => {
      const roles = unitRoles(caller, membershipOf(unit));
      return { unitId: unit.id, name: unit.fields.name, roles: (['principal', 'staff'] as const).filter((role) => roles.has(role)) };
    })
    .filter((unit) => unit.roles.length > 0);
  return { userId: caller.userId, name: caller.name, appRoles: caller.appRoles, units };
}
