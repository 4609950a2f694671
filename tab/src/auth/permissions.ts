import type { Me } from '../../../src/contract';

/*
 * What the signed-in person may do in a unit, so the tab shows only the controls that will work.
 * The server decides (src/auth/policy.ts); these mirror it for the interface only.
 */

function rolesIn(me: Me, unitId: string): Me['units'][number]['roles'] {
  return me.units.find((u) => u.unitId === unitId)?.roles ?? [];
}

const isAdministration = (me: Pick<Me, 'appRoles'>) => me.appRoles.includes('Administration');

/** Edit the unit's cycle (the analysis): the administration or the unit's principal. */
export function canEditUnit(me: Me, unitId: string): boolean {
  return isAdministration(me) || rolesIn(me, unitId).includes('principal');
}

/** Create actions: the administration and the unit's principal and staff. */
export function canCreateAction(me: Me, unitId: string): boolean {
  return isAdministration(me) || rolesIn(me, unitId).length > 0;
}

/** Open the organizer's level (roll-up, report): the administration edits there, the board reads. */
export function canOpenOrganizer(me: Pick<Me, 'appRoles'>): boolean {
  return isAdministration(me) || me.appRoles.includes('Board');
}

/** Update an action: the administration, the unit's principal, or staff who own it. */
export function canUpdateAction(me: Me, unitId: string, ownerId: string): boolean {
  const roles = rolesIn(me, unitId);
  return isAdministration(me) || roles.includes('principal') || (roles.includes('staff') && ownerId === me.userId);
}

/** Enter and correct the unit's results: the administration and the unit's principal and staff. */
export function canEnterResults(me: Me, unitId: string): boolean {
  return isAdministration(me) || rolesIn(me, unitId).length > 0;
}

/** Andra enheter (units.learn): the administration and whoever leads a unit; not the board, nor staff. */
export function canLearnFromOtherUnits(me: Pick<Me, 'appRoles' | 'units'>): boolean {
  return isAdministration(me) || me.units.some((unit) => unit.roles.includes('principal'));
}
