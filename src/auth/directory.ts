/**
 * The directory port: who is in a group, what people and groups are called, and who can be found
 * by name. Staff of a unit are the members of its Entra staff group, which the lists do not hold;
 * this port reaches them, and the administration finds principals and staff groups through it.
 */
import type { AppRole } from './principal';

/** A person as the directory names them. */
export interface Person {
  /** Entra object id */
  readonly userId: string;
  readonly name: string;
  /** to tell two people of one name apart, where the directory has it */
  readonly mail?: string;
}

/** A group (a unit's staff) as the directory names it. */
export interface Group {
  /** Entra object id */
  readonly groupId: string;
  readonly name: string;
  readonly mail?: string;
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
  /** The users among `ids` the directory knows (with their address where it has it), in no particular order; unknown ids are left out. */
  people(ids: readonly string[]): Promise<Person[]>;
  /** The groups among `ids` the directory knows; unknown ids are left out. */
  groups(ids: readonly string[]): Promise<Group[]>;
  /** People a word of whose name starts with `text`, at most `limit` of them. */
  searchPeople(text: string, limit: number): Promise<Person[]>;
  /** Groups a word of whose name starts with `text`, at most `limit` of them. */
  searchGroups(text: string, limit: number): Promise<Group[]>;
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
  groups: async () => [],
  searchPeople: async () => [],
  searchGroups: async () => [],
  standing: async () => noStanding,
};

/** Whether a word of `name` starts with `text` (case and accents as people type them): the directory's search, in memory. */
export function nameMatches(name: string, text: string): boolean {
  const needle = text.trim().toLocaleLowerCase('sv');
  if (needle === '') return false;
  const words = name.toLocaleLowerCase('sv').split(/[\s\-–(),.]+/);
  return name.toLocaleLowerCase('sv').startsWith(needle) || words.some((word) => word.startsWith(needle));
}
