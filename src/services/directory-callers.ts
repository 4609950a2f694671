import type { Directory } from '../auth/directory';
import type { Principal } from '../auth/principal';
import type { Caller } from './caller';
import type { UnitAccess } from './unit-access';

/** Who acts, as a channel names them: the Entra object id (aadObjectId), their tenant and name. */
export interface NamedUser {
  readonly userId: string;
  readonly tenantId?: string;
  readonly name?: string;
}

/**
 * The caller for someone who brings no token: the bot's card actions name the user by object id
 * only. The directory says what the token would have carried (app roles, and whether they are in
 * the unit's staff group); the Units list adds the units they lead, exactly as for the API. So a
 * card action is asked the same policy question as the API route for the same change.
 */
export class DirectoryCallers {
  constructor(private readonly access: UnitAccess, private readonly directory: Pick<Directory, 'standing'>) {}

  /** The caller for a change in `unitId` (its staff group is the one group asked about); none for the organizer's own. */
  async callerFor(user: NamedUser, unitId: string | undefined): Promise<Caller> {
    const units = await this.access.allUnits();
    const staffGroupId = units.find((unit) => unit.id === unitId)?.fields.staffGroupId;
    const standing = await this.directory.standing(user.userId, staffGroupId !== undefined ? [staffGroupId] : []);
    const principal: Principal = {
      userId: user.userId,
      tenantId: user.tenantId ?? '',
      name: user.name ?? user.userId,
      appRoles: standing.appRoles,
      groups: standing.groups,
      groupsOverage: false,
    };
    return this.access.callerFor(principal);
  }
}
