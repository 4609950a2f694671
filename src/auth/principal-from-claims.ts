import type { JWTPayload } from 'jose';
import type { AppRole, GroupResolver, Principal } from './principal';
import { isAppRole } from './principal';

function stringClaim(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function stringArrayClaim(payload: JWTPayload, name: string): string[] {
  const value = payload[name];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * Entra leaves `groups` out when a user has more than the token can carry (200 in a JWT) and names
 * the claim in `_claim_names` instead; the member list must then be read from Graph.
 */
export function hasGroupsOverage(payload: JWTPayload): boolean {
  const names = payload['_claim_names'];
  return typeof names === 'object' && names !== null && 'groups' in names;
}

/**
 * Turns the claims of an already validated token into a Principal. Expects `oid` and `tid` to have
 * been checked as present.
 */
export async function principalFromClaims(
  payload: JWTPayload,
  userId: string,
  tenantId: string,
  groupResolver?: GroupResolver,
): Promise<Principal> {
  const username = stringClaim(payload, 'preferred_username');
  const appRoles: AppRole[] = [...new Set(stringArrayClaim(payload, 'roles').filter(isAppRole))];
  const groupsOverage = hasGroupsOverage(payload);
  const groups = groupsOverage
    ? groupResolver ? await groupResolver(userId) : []
    : stringArrayClaim(payload, 'groups');
  return {
    userId,
    tenantId,
    name: stringClaim(payload, 'name') ?? username ?? userId,
    ...(username === undefined ? {} : { username }),
    appRoles,
    groups,
    groupsOverage,
  };
}
