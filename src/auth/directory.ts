/**
 * The directory port: who is in a group and what people are called. Staff of a unit are the
 * members of its Entra staff group, which the lists do not hold; this port reaches them.
 */
import type { AppRole } from './principal';

/** A person as the directory names them. */
export interface Person {
  /** Entra object id */
  readonly userId: string;
  readonly name: string;
}

/** What a token would carry for a user: the app roles they hold and their groups (of those asked about). */
export interface Standing {
  readonly appRoles: readonly AppRole[];
  readonly groups: readonly string[];
}

/** Knows no roles and no groups: the policy then grants nothing a role or a group would. */
export const noStanding: Standing = { appRoles: [], groups: [] };

export interface Directory {
  /** The users in the group (nested groups and devices left out); [] for an unknown group. */
  groupMembers(groupId: string): Promise<Person[]>;
  /** The users among `ids` the directory knows, in no particular order; unknown ids are left out. */
  people(ids: readonly string[]): Promise<Person[]>;
  /**
   * What a token would say of a user who brings none (the bot's card actions name the user by
   * object id only): the app roles they hold in this app and which of `groupIds` they belong
   * to, nested groups included, as the token's `groups` claim would. An unknown user, or a
   * directory that cannot tell, has no standing.
   */
  standing(userId: string, groupIds: readonly string[]): Promise<Standing>;
}

/** A directory that knows nobody: the people endpoint then offers only what the lists name. */
export const emptyDirectory: Directory = {
  groupMembers: async () => [],
  people: async () => [],
  standing: async () => noStanding,
};
