/** App roles defined on the app registration (infra/aad.manifest.json); others in a token are ignored. */
export const APP_ROLES = ['Administration', 'Board'] as const;
export type AppRole = (typeof APP_ROLES)[number];

/** The ids infra/aad.manifest.json gives the app roles: what Graph's role assignments name. */
export const APP_ROLE_IDS: Readonly<Record<AppRole, string>> = {
  Administration: 'a2d5468a-fb0b-4eab-9c3d-2bee381465bc',
  Board: 'd4e7f1fd-1737-40a0-9436-13ccab403d78',
};

/** The signed-in user, as proven by a validated access token. */
export interface Principal {
  /** Entra object id (`oid`): the stable id of the user across apps. */
  readonly userId: string;
  readonly tenantId: string;
  readonly name: string;
  /** `preferred_username` (usually the UPN); for display only, never for decisions. */
  readonly username?: string;
  readonly appRoles: readonly AppRole[];
  /** Entra group object ids; staff of a unit are the members of its staff group. */
  readonly groups: readonly string[];
  /**
   * True when the token had too many groups to carry them (`_claim_names.groups`); `groups` then
   * comes from the GroupResolver, or is empty when none is configured.
   */
  readonly groupsOverage: boolean;
  /**
   * Ids of the units this user is principal of, filled from the Units list by `withPrincipalUnits`
   * (the token cannot know them). Absent means unknown: the policy then grants nothing that
   * depends on leading another unit.
   */
  readonly principalOfUnitIds?: readonly string[];
}

/** Fetches a user's group ids when the token could not carry them (groups overage). */
export type GroupResolver = (userId: string) => Promise<string[]>;

export function isAppRole(value: unknown): value is AppRole {
  return typeof value === 'string' && (APP_ROLES as readonly string[]).includes(value);
}
