/**
 * Microsoft 365 mode's directory: Microsoft Graph with the app's own identity (the same token
 * provider as the store). Needs the application permissions GroupMember.Read.All (a group's
 * members) and User.ReadBasic.All (names); docs/deploy.md says how to grant them.
 *
 * It degrades instead of failing: when Graph refuses (403 without the permission), throttles
 * beyond the retries or cannot be reached, it logs once per kind of failure and answers what it
 * already knows (the members and names of earlier answers), so the owner picker still works.
 *
 * It is given its transport (the composition root makes one: src/graph-directory.ts), so auth
 * depends on this port only, never on a concrete transport.
 */
import type { Directory, Person } from './directory';

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
  request(method: 'GET', path: string): Promise<DirectoryResponse>;
  /** refuses (rejects) a link outside Graph's base URL, so the app's token never leaves Graph */
  requestUrl(url: string): Promise<DirectoryResponse>;
}

export interface GraphDirectoryOptions {
  readonly transport: DirectoryTransport;
  /** where a degradation is reported (once per kind) */
  readonly warn?: (event: string, fields: Readonly<Record<string, string | number>>) => void;
  /** the most member pages followed for one group (999 members a page). Default 20 */
  readonly maxPages?: number;
}

interface UserEntry {
  readonly id?: unknown;
  readonly displayName?: unknown;
}

/** The directory through Graph: group members with paging, users by id. */
export class GraphDirectory implements Directory {
  private readonly transport: DirectoryTransport;
  private readonly warn: NonNullable<GraphDirectoryOptions['warn']>;
  private readonly maxPages: number;
  private readonly warned = new Set<string>();
  /** the last full answer per group, and every name seen: what degraded answers are made of */
  private readonly knownMembers = new Map<string, Person[]>();
  private readonly knownNames = new Map<string, string>();

  constructor(options: GraphDirectoryOptions) {
    this.transport = options.transport;
    this.warn = options.warn ?? (() => undefined);
    this.maxPages = options.maxPages ?? 20;
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

  private async user(id: string): Promise<Person | undefined> {
    const known = this.knownPerson(id);
    try {
      const response = await this.transport.request('GET', `/users/${encodeURIComponent(id)}?$select=id,displayName`);
      if (response.status === 404) return undefined;
      if (response.status !== 200) return this.degrade('people', response, known);
      return this.remember([response.body as UserEntry])[0] ?? known;
    } catch (error) {
      return this.degradeWith('people', errorKind(error), known);
    }
  }

  /** People from Graph's entries; a member without a readable name (no User.ReadBasic.All) is left out. */
  private remember(entries: readonly UserEntry[]): Person[] {
    const people: Person[] = [];
    for (const entry of entries) {
      if (typeof entry?.id !== 'string' || typeof entry.displayName !== 'string' || entry.displayName.trim() === '') continue;
      this.knownNames.set(entry.id, entry.displayName);
      people.push({ userId: entry.id, name: entry.displayName });
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
        hint: reason.startsWith('403') ? 'grant the application permissions GroupMember.Read.All and User.ReadBasic.All (docs/deploy.md)' : 'answering with the people already known',
      });
    }
    return fallback;
  }
}

function errorKind(error: unknown): string {
  return error instanceof Error ? error.name : 'error';
}
