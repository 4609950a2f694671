/**
 * The directory port: who is in a group and what people are called. Staff of a unit are the
 * members of its Entra staff group, which the lists do not hold; this port reaches them.
 */

/** A person as the directory names them. */
export interface Person {
  /** Entra object id */
  readonly userId: string;
  readonly name: string;
}

export interface Directory {
  /** The users in the group (nested groups and devices left out); [] for an unknown group. */
  groupMembers(groupId: string): Promise<Person[]>;
  /** The users among `ids` the directory knows, in no particular order; unknown ids are left out. */
  people(ids: readonly string[]): Promise<Person[]>;
}

/** A directory that knows nobody: the people endpoint then offers only what the lists name. */
export const emptyDirectory: Directory = {
  groupMembers: async () => [],
  people: async () => [],
};
