import type { Directory, Group, Person } from '../auth/directory';
import type { Caller } from './caller';
import { RuleError } from './errors';
import type { UnitAccess } from './unit-access';

/** The most people or groups one search (or one naming) answers: a picker's page, never the directory. */
export const directoryPageSize = 20;
/** The shortest text searched for: one letter would list half the municipality. */
export const directorySearchMinimum = 2;

function searchText(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length < directorySearchMinimum) {
    throw new RuleError('invalidQuery', 'search', `skriv minst ${directorySearchMinimum} tecken`, `type at least ${directorySearchMinimum} characters`);
  }
  return trimmed;
}

/**
 * Finding people and groups in the directory, for the administration that names a unit's
 * principals and staff group: by a part of the name (a bounded page), or by id (to show the names
 * of those already chosen).
 */
export class DirectoryService {
  constructor(private readonly access: UnitAccess, private readonly directory: Directory) {}

  async searchPeople(caller: Caller, text: string): Promise<Person[]> {
    this.access.requireGlobal(caller, 'organizer.edit');
    return this.directory.searchPeople(searchText(text), directoryPageSize);
  }

  async searchGroups(caller: Caller, text: string): Promise<Group[]> {
    this.access.requireGlobal(caller, 'organizer.edit');
    return this.directory.searchGroups(searchText(text), directoryPageSize);
  }

  async people(caller: Caller, ids: readonly string[]): Promise<Person[]> {
    this.access.requireGlobal(caller, 'organizer.edit');
    return this.directory.people(ids.slice(0, directoryPageSize));
  }

  async groups(caller: Caller, ids: readonly string[]): Promise<Group[]> {
    this.access.requireGlobal(caller, 'organizer.edit');
    return this.directory.groups(ids.slice(0, directoryPageSize));
  }
}
