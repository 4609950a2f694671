import type { Principal } from '../auth/principal';

/**
 * The signed-in user as services see them: a validated principal with the ids of the units they
 * lead filled in (see UnitAccess.callerFor).
 */
export type Caller = Principal & { readonly principalOfUnitIds: readonly string[] };

/** What every write records as the acting user. */
export function actorOf(caller: Caller): { actor: string } {
  return { actor: caller.userId };
}
