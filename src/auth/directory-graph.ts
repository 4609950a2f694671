/**
 * Microsoft 365 mode's directory: Microsoft Graph with the app's own identity (the same token
 * provider as the store). Needs the application permissions GroupMember.Read.All (groups and their
 * members) and User.Read.All (people: names, finding them by name, and checkMemberGroups for a
 * user's standing, the bot's card actions), and Application.Read.All (who holds the app's roles);
 * docs/deploy.md says how to grant them. Finding by name is Graph's `$search` on displayName, an
 * advanced query (the `ConsistencyLevel: eventual` header and `$count=true`).
 *
 * It degrades instead of failing: when Graph refuses (403 without the permission), throttles
 * beyond the retries or cannot be reached, it logs once per kind of failure and answers what it
 * already knows (the members and names of earlier answers), so the owner picker still works.
 *
 * It is given its transport (the composition root makes one: src/graph-directory.ts), so auth
 * depends on this port only, never on a concrete transport.
 */
import { APP_ROLE_IDS, type AppRole } from './principal';
import { noStanding, type Directory, type Group, type Person, type Standing } from './directory';

/** A Graph answer as the directory reads it. */
export interface DirectoryResponse {
  readonly status: number;
  readonly body: unknown;
}

/**
 * The requests the directory makes: GETs relative to Graph's version root, and nextLinks exactly
 * as Graph gave them. The composition root's transport retries 429/503 with Retry-After.
 */
export interface DirectoryTransport {
  request(method: 'GET' | 'POST', path: string, body?: unknown, headers?: Record<string, string>): Promise<DirectoryResponse>;
  /** refuses (rejects) a link outside Graph's base URL, so the app's token never leaves Graph */
  requestUrl(url: string): Promise<DirectoryResponse>;
}

export interface GraphDirectoryOptions {
  readonly transport: DirectoryTransport;
  /** where a degradation is reported (once per kind) */
  readonly warn?: (event: string, fields: Readonly<Record<string, string | number>>) => void;
  /** the most member pages followed for one group (999 members a page). Default 20 */
  readonly maxPages?: number;
  /** the Entra app (client id) whose role assignments count; without it nobody holds a role here */
  readonly appId?: string;
  /** how long the app's role assignments are reused. Default 5 minutes */
  readonly roleCacheMilliseconds?: number;
  readonly now?: () => number;
}

/** An app role assignment as Graph lists it (`appRoleAssignedTo`). */
interface RoleAssignment {
  readonly principalId: string;
  readonly principalType: string;
  readonly role: AppRole;
}

/** checkMemberGroups takes at most 20 group ids per request. */
const CHECK_MEMBER_GROUPS_LIMIT = 20;

const roleById = new Map<string, AppRole>(Object.entries(APP_ROLE_IDS).map(([role, id]) => [id, role as AppRole]));

interface UserEntry {
  readonly id?: unknown;
  readonly displayName?: unknown;
  readonly mail?: unknown;
}

/** What an advanced query (`$search`) needs besides the query itself. */
const advancedQuery = { ConsistencyLevel: 'eventual' } as const;

/** `$search="displayName:<text>"`, URL-encoded; quotes and backslashes would end the search phrase, so they are left out. */
function displayNameSearch(text: string): string {
  return encodeURIComponent(`"displayName:${text.replace(/["\\]/g, ' ').trim()}"`);
}

function entriesOf(body: unknown): UserEntry[] {
  const value = (body as { value?: unknown } | undefined)?.value;
  return Array.isArray(value) ? (value as UserEntry[]) : [];
}

function groupOf(entry: UserEntry): Group | undefined {
  if (typeof entry?.id !== 'string' || typeof entry.displayName !== 'string' || entry.displayName.trim() === '') return undefined;
  return { groupId: entry.id, name: entry.displayName, ...(typeof entry.mail === 'string' && entry.mail !== '' ? { mail: entry.mail } : {}) };
}

const byName = (a: { readonly name: string }, b: { readonly name: string }): number => a.name.localeCompare(b.name, 'sv');

/** The directory through Graph: group members with paging, users by id. */
export class GraphDirectory implements Directory {
  private readonly transport: DirectoryTransport;
  private readonly warn: NonNullable<GraphDirectoryOptions['warn']>;
  private readonly maxPages: number;
  private readonly appId: string | undefined;
  private readonly roleCacheMilliseconds: number;
  private readonly now: () => number;
  private roles: { at: number; assignments: Promise<RoleAssignment[]> } | undefined;
  private readonly warned = new Set<string>();
  /** the last full answer per group, and every name seen: what degraded answers are made of */
  private readonly knownMembers = new Map<string, Person[]>();
  private readonly knownNames = new Map<string, string>();

  constructor(options: GraphDirectoryOptions) {
    this.transport = options.transport;
    this.warn = options.warn ?? (() => undefined);
    this.maxPages = options.maxPages ?? 20;
    this.appId = options.appId;
    this.roleCacheMilliseconds = options.roleCacheMilliseconds ?? 300_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * The user's app roles (assigned to them or to a group they are in) and which of `groupIds`
   * they belong to (transitively). Fails closed: what Graph will not say, the user does not hold.
   */
  async standing(userId: string, groupIds: readonly string[]): Promise<Standing> {
    const assignments = await this.roleAssignments();
    const roleGroups = assignments.filter((a) => a.principalType === 'Group').map((a) => a.principalId);
    const member = await this.memberGroups(userId, [...new Set([...groupIds, ...roleGroups])]);
    if (!member) return noStanding;
    const appRoles = [...new Set(assignments.filter((a) => a.principalId === userId || member.has(a.principalId)).map((a) => a.role))];
    return { appRoles, groups: groupIds.filter((groupId) => member.has(groupId)) };
  }

  /** The groups among `groupIds` the user is in; undefined when Graph could not tell. */
  private async memberGroups(userId: string, groupIds: readonly string[]): Promise<Set<string> | undefined> {
    const member = new Set<string>();
    try {
      for (let start = 0; start < groupIds.length; start += CHECK_MEMBER_GROUPS_LIMIT) {
        const chunk = groupIds.slice(start, start + CHECK_MEMBER_GROUPS_LIMIT);
        const response = await this.transport.request('POST', `/users/${encodeURIComponent(userId)}/checkMemberGroups`, { groupIds: chunk });
        if (response.status === 404) return member;
        if (response.status !== 200) return this.degrade('standing', response, undefined);
        const value = (response.body as { value?: unknown } | undefined)?.value;
        for (const id of Array.isArray(value) ? value : []) if (typeof id === 'string' && chunk.includes(id)) member.add(id);
      }
    } catch (error) {
      return this.degradeWith('standing', errorKind(error), undefined);
    }
    return member;
  }

  /** Who holds this app's roles (users and groups), read at most once per cache period. */
  private roleAssignments(): Promise<RoleAssignment[]> {
    if (!this.appId) return Promise.resolve([]);
    const at = this.now();
    if (this.roles && at - this.roles.at < this.roleCacheMilliseconds) return this.roles.assignments;
    const assignments = this.readRoleAssignments(this.appId);
    this.roles = { at, assignments };
    return assignments;
  }

  private async readRoleAssignments(appId: string): Promise<RoleAssignment[]> {
    const found: RoleAssignment[] = [];
    try {
      let response = await this.transport.request('GET', `/servicePrincipals(appId='${encodeURIComponent(appId)}')/appRoleAssignedTo?$select=principalId,principalType,appRoleId&$top=999`);
      for (let page = 1; ; page++) {
        if (response.status !== 200) return this.forgetRoles(this.degrade('roles', response, []));
        const body = response.body as { value?: unknown; '@odata.nextLink'?: unknown } | undefined;
        for (const entry of Array.isArray(body?.value) ? (body.value as Record<string, unknown>[]) : []) {
          const role = typeof entry?.['appRoleId'] === 'string' ? roleById.get(entry['appRoleId']) : undefined;
          if (role && typeof entry['principalId'] === 'string' && typeof entry['principalType'] === 'string') {
            found.push({ principalId: entry['principalId'], principalType: entry['principalType'], role });
          }
        }
        const next = body?.['@odata.nextLink'];
        if (typeof next !== 'string') return found;
        if (page >= this.maxPages) return this.forgetRoles(this.degradeWith('roles', 'tooManyPages', found));
        response = await this.transport.requestUrl(next);
      }
    } catch (error) {
      return this.forgetRoles(this.degradeWith('roles', errorKind(error), found));
    }
  }

  /** A degraded answer is not kept: the next standing asks Graph again. */
  private forgetRoles<T>(value: T): T {
    this.roles = undefined;
    return value;
  }

  async groupMembers(groupId: string): Promise<Person[]> {
    const members: Person[] = [];
    try {
      let response = await this.transport.request('GET', `/groups/${encodeURIComponent(groupId)}/members/microsoft.graph.user?$select=id,displayName&$top=999`);
      for (let page = 1; ; page++) {
        if (response.status === 404) return [];
        if (response.status !== 200) return this.degrade('groupMembers', response, this.knownMembers.get(groupId) ?? []);
        const body = response.body as { value?: unknown; '@odata.nextLink'?: unknown } | undefined;
        members.push(...this.remember(Array.isArray(body?.value) ? (body.value as UserEntry[]) : []));
        const next = body?.['@odata.nextLink'];
        if (typeof next !== 'string') break;
        if (page >= this.maxPages) return this.degradeWith('groupMembers', 'tooManyPages', members);
        response = await this.transport.requestUrl(next);
      }
    } catch (error) {
      return this.degradeWith('groupMembers', errorKind(error), this.knownMembers.get(groupId) ?? members);
    }
    this.knownMembers.set(groupId, members);
    return members;
  }

  async people(ids: readonly string[]): Promise<Person[]> {
    const unique = [...new Set(ids)];
    const found = await Promise.all(unique.map((id) => this.user(id)));
    return found.flatMap((person) => (person ? [person] : []));
  }

  async groups(ids: readonly string[]): Promise<Group[]> {
    const found = await Promise.all([...new Set(ids)].map((id) => this.group(id)));
    return found.flatMap((group) => (group ? [group] : []));
  }

  async searchPeople(text: string, limit: number): Promise<Person[]> {
    const path = `/users?$select=id,displayName,mail&$top=${limit}&$count=true&$search=${displayNameSearch(text)}`;
    try {
      const response = await this.transport.request('GET', path, undefined, advancedQuery);
      if (response.status !== 200) return this.degrade('searchPeople', response, []);
      return this.remember(entriesOf(response.body), true).sort(byName).slice(0, limit);
    } catch (error) {
      return this.degradeWith('searchPeople', errorKind(error), []);
    }
  }

  async searchGroups(text: string, limit: number): Promise<Group[]> {
    const path = `/groups?$select=id,displayName,mail&$top=${limit}&$count=true&$search=${displayNameSearch(text)}`;
    try {
      const response = await this.transport.request('GET', path, undefined, advancedQuery);
      if (response.status !== 200) return this.degrade('searchGroups', response, []);
      return entriesOf(response.body).flatMap((entry) => groupOf(entry) ?? []).sort(byName).slice(0, limit);
    } catch (error) {
      return this.degradeWith('searchGroups', errorKind(error), []);
    }
  }

  private async group(id: string): Promise<Group | undefined> {
    try {
      const response = await this.transport.request('GET', `/groups/${encodeURIComponent(id)}?$select=id,displayName,mail`);
      if (response.status === 404) return undefined;
      if (response.status !== 200) return this.degrade('groups', response, undefined);
      return groupOf(response.body as UserEntry);
    } catch (error) {
      return this.degradeWith('groups', errorKind(error), undefined);
    }
  }

  private async user(id: string): Promise<Person | undefined> {
    const known = this.knownPerson(id);
    try {
      const response = await this.transport.request('GET', `/users/${encodeURIComponent(id)}?$select=id,displayName,mail`);
      if (response.status === 404) return undefined;
      if (response.status !== 200) return this.degrade('people', response, known);
      return this.remember([response.body as UserEntry], true)[0] ?? known;
    } catch (error) {
      return this.degradeWith('people', errorKind(error), known);
    }
  }

  /** People from Graph's entries (with their address when `withMail`); a member without a readable name is left out. */
  private remember(entries: readonly UserEntry[], withMail = false): Person[] {
    const people: Person[] = [];
    for (const entry of entries) {
      if (typeof entry?.id !== 'string' || typeof entry.displayName !== 'string' || entry.displayName.trim() === '') continue;
      this.knownNames.set(entry.id, entry.displayName);
      const mail = withMail && typeof entry.mail === 'string' && entry.mail !== '' ? { mail: entry.mail } : {};
      people.push({ userId: entry.id, name: entry.displayName, ...mail });
    }
    return people;
  }

  private knownPerson(id: string): Person | undefined {
    const name = this.knownNames.get(id);
    return name === undefined ? undefined : { userId: id, name };
  }

  private degrade<T>(operation: string, response: DirectoryResponse, fallback: T): T {
    const code = (response.body as { error?: { code?: unknown } } | undefined)?.error?.code;
    return this.degradeWith(operation, `${response.status}${typeof code === 'string' ? ` ${code}` : ''}`, fallback);
  }

  private degradeWith<T>(operation: string, reason: string, fallback: T): T {
    const key = `${operation}|${reason}`;
    if (!this.warned.has(key)) {
      this.warned.add(key);
      this.warn('directory degraded', {
        operation,
        reason,
        hint: reason.startsWith('403') ? hintFor(operation) : 'answering with what is already known',
      });
    }
    return fallback;
  }
}

function hintFor(operation: string): string {
  if (operation === 'standing') return 'grant the application permissions User.Read.All and GroupMember.Read.All (docs/deploy.md); until then the bot\'s cards know no staff';
  if (operation === 'roles') return 'grant the application permission Application.Read.All (docs/deploy.md); until then the bot\'s cards know no app roles';
  return 'grant the application permissions GroupMember.Read.All and User.Read.All (docs/deploy.md)';
}

function errorKind(error: unknown): string {
  return error instanceof Error ? error.name : 'error';
}
