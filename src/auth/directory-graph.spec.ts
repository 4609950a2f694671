import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGraphDirectory } from '../graph-directory';
import { fakeClock } from '../store/middleware/test-kit';
import { APP_ROLE_IDS } from './principal';

// A loopback stand-in for Graph's directory: a script per path, every request recorded.
type Answer = { status: number; body?: unknown; headers?: Record<string, string> };
let server: Server;
let baseUrl: string;
let script: Map<string, Answer[]>;
let seen: { path: string; authorization: string | undefined; method?: string; body?: unknown }[];
let lastConsistencyLevel: string | undefined;

function answer(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => reply(req, res, chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined));
}

function reply(req: IncomingMessage, res: ServerResponse, body: unknown): void {
  const path = req.url ?? '';
  seen.push({ path, authorization: req.headers.authorization, ...(req.method === 'POST' ? { method: 'POST', body } : {}) });
  lastConsistencyLevel = typeof req.headers['consistencylevel'] === 'string' ? req.headers['consistencylevel'] : undefined;
  const queue = script.get(path.replace(/^\/v1\.0/, ''));
  const next = queue && queue.length > 1 ? queue.shift() : queue?.[0];
  const reply = next ?? { status: 404, body: { error: { code: 'Request_ResourceNotFound', message: 'not found' } } };
  res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
  res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
}

beforeAll(async () => {
  server = createServer(answer);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  script = new Map();
  seen = [];
});

const group = 'aaaaaaaa-0000-4000-8000-000000000001';
const membersPath = `/groups/${group}/members/microsoft.graph.user?$select=id,displayName&$top=999`;
const user = (id: string, displayName: string | null) => ({ '@odata.type': '#microsoft.graph.user', id, displayName });
const forbidden: Answer = { status: 403, body: { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' } } };

function directory(warnings: string[] = [], clock = fakeClock(), appId?: string) {
  return createGraphDirectory({
    baseUrl,
    tokenProvider: async () => 'app-token',
    clock,
    warn: (event, fields) => warnings.push(`${event}: ${fields['operation']} ${fields['reason']}`),
    ...(appId ? { appId } : {}),
  });
}

describe('GraphDirectory.groupMembers', () => {
  it('follows @odata.nextLink exactly as given and sends the app token', async () => {
    const nextPath = `/groups/${group}/members/microsoft.graph.user?$select=id,displayName&$top=999&$skiptoken=page2`;
    script.set(membersPath, [{ status: 200, body: { value: [user('u1', 'Elin Berg')], '@odata.nextLink': `${baseUrl}${nextPath}` } }]);
    script.set(nextPath, [{ status: 200, body: { value: [user('u2', 'Farid Haddad'), user('u3', null)] } }]);
    const members = await directory().groupMembers(group);
    // u3's name is unreadable (no user read permission): it cannot be offered by name
    expect(members).toEqual([{ userId: 'u1', name: 'Elin Berg' }, { userId: 'u2', name: 'Farid Haddad' }]);
    expect(seen.map((request) => request.path)).toEqual([`/v1.0${membersPath}`, `/v1.0${nextPath}`]);
    expect(seen.every((request) => request.authorization === 'Bearer app-token')).toBe(true);
  });

  it('waits as long as a 429 Retry-After asks, then answers', async () => {
    script.set(membersPath, [{ status: 429, headers: { 'Retry-After': '2' }, body: { error: { code: 'TooManyRequests' } } }, { status: 200, body: { value: [user('u1', 'Elin Berg')] } }]);
    const clock = fakeClock();
    const members = await directory([], clock).groupMembers(group);
    expect(members).toEqual([{ userId: 'u1', name: 'Elin Berg' }]);
    expect(clock.slept).toEqual([2000]);
    expect(seen).toHaveLength(2);
  });

  it('on 403 degrades to the members it knew, logging once', async () => {
    const warnings: string[] = [];
    const graph = directory(warnings);
    script.set(membersPath, [{ status: 200, body: { value: [user('u1', 'Elin Berg')] } }, forbidden]);
    expect(await graph.groupMembers(group)).toEqual([{ userId: 'u1', name: 'Elin Berg' }]);
    expect(await graph.groupMembers(group)).toEqual([{ userId: 'u1', name: 'Elin Berg' }]);
    expect(await graph.groupMembers(group)).toEqual([{ userId: 'u1', name: 'Elin Berg' }]);
    expect(await graph.groupMembers('aaaaaaaa-0000-4000-8000-00000000000f')).toEqual([]);
    expect(warnings).toEqual(['directory degraded: groupMembers 403 Authorization_RequestDenied']);
  });

  it('refuses to send its token to a nextLink outside Graph and keeps what it had', async () => {
    const warnings: string[] = [];
    script.set(membersPath, [{ status: 200, body: { value: [user('u1', 'Elin Berg')], '@odata.nextLink': 'http://127.0.0.2:1/v1.0/elsewhere' } }]);
    expect(await directory(warnings).groupMembers(group)).toEqual([{ userId: 'u1', name: 'Elin Berg' }]);
    expect(seen).toHaveLength(1);
    expect(warnings).toHaveLength(1);
  });
});

describe('GraphDirectory.people', () => {
  it('names users by id and leaves out those Graph does not have', async () => {
    script.set('/users/p1?$select=id,displayName,mail', [{ status: 200, body: user('p1', 'Cecilia Ek') }]);
    const people = await directory().people(['p1', 'gone', 'p1']);
    expect(people).toEqual([{ userId: 'p1', name: 'Cecilia Ek' }]);
    expect(seen.map((request) => request.path).sort()).toEqual(['/v1.0/users/gone?$select=id,displayName,mail', '/v1.0/users/p1?$select=id,displayName,mail']);
  });

  it('gives a user\'s address when Graph has one (a chat link needs it)', async () => {
    script.set('/users/p1?$select=id,displayName,mail', [{ status: 200, body: { ...user('p1', 'Cecilia Ek'), mail: 'cecilia.ek@kommun.se' } }]);
    expect(await directory().people(['p1'])).toEqual([{ userId: 'p1', name: 'Cecilia Ek', mail: 'cecilia.ek@kommun.se' }]);
  });

  it('on 403 answers the names it already knows from earlier answers, logging once', async () => {
    const warnings: string[] = [];
    const graph = directory(warnings);
    script.set(membersPath, [{ status: 200, body: { value: [user('s1', 'Elin Berg')] } }]);
    await graph.groupMembers(group);
    script.set('/users/s1?$select=id,displayName,mail', [forbidden]);
    script.set('/users/p2?$select=id,displayName,mail', [forbidden]);
    expect(await graph.people(['s1', 'p2'])).toEqual([{ userId: 's1', name: 'Elin Berg' }]);
    expect(await graph.people(['p2'])).toEqual([]);
    expect(warnings).toEqual(['directory degraded: people 403 Authorization_RequestDenied']);
  });
});

describe('GraphDirectory.searchPeople and searchGroups', () => {
  // graph-client puts $search last, as Graph accepts it
  const peoplePath = '/users?$select=id,displayName,mail&$top=5&$count=true&$search=%22displayName%3Aan%22';
  const groupsPath = '/groups?$select=id,displayName,mail&$top=5&$count=true&$search=%22displayName%3Apersonal%20bj%C3%B6rk%22';

  it('asks Graph with $search on displayName as an advanced query, and answers by name with the address', async () => {
    const headers: (string | undefined)[] = [];
    script.set(peoplePath, [{ status: 200, body: { '@odata.count': 2, value: [{ id: 'u2', displayName: 'Anna Öberg', mail: 'anna.oberg@kommun.se' }, { id: 'u1', displayName: 'Anders Ek', mail: null }] } }]);
    const graph = directory();
    const found = await graph.searchPeople('an', 5);
    expect(found).toEqual([{ userId: 'u1', name: 'Anders Ek' }, { userId: 'u2', name: 'Anna Öberg', mail: 'anna.oberg@kommun.se' }]);
    expect(seen.map((request) => request.path)).toEqual([`/v1.0${peoplePath}`]);
    headers.push(lastConsistencyLevel);
    expect(headers).toEqual(['eventual']);
    // a person found by name is named by id afterwards, even when Graph refuses then
    script.set('/users/u2?$select=id,displayName,mail', [forbidden]);
    expect(await graph.people(['u2'])).toEqual([{ userId: 'u2', name: 'Anna Öberg' }]);
  });

  it('keeps quotes out of the search phrase', async () => {
    script.set('/users?$select=id,displayName,mail&$top=5&$count=true&$search=%22displayName%3Aa%20b%22', [{ status: 200, body: { value: [] } }]);
    expect(await directory().searchPeople('a"b', 5)).toEqual([]);
    expect(seen).toHaveLength(1);
  });

  it('finds groups by name and names groups by id', async () => {
    script.set(groupsPath, [{ status: 200, body: { value: [{ id: group, displayName: 'Personal Björkskolan', mail: 'personal.bjorkskolan@kommun.se' }] } }]);
    script.set(`/groups/${group}?$select=id,displayName,mail`, [{ status: 200, body: { id: group, displayName: 'Personal Björkskolan', mail: null } }]);
    const graph = directory();
    expect(await graph.searchGroups('personal björk', 5)).toEqual([{ groupId: group, name: 'Personal Björkskolan', mail: 'personal.bjorkskolan@kommun.se' }]);
    expect(lastConsistencyLevel).toBe('eventual');
    expect(await graph.groups([group, 'aaaaaaaa-0000-4000-8000-00000000000f'])).toEqual([{ groupId: group, name: 'Personal Björkskolan' }]);
  });

  it('on 403 finds nobody, logging once, naming the permissions', async () => {
    const warnings: string[] = [];
    script.set(peoplePath, [forbidden]);
    const graph = directory(warnings);
    expect(await graph.searchPeople('an', 5)).toEqual([]);
    expect(await graph.searchPeople('an', 5)).toEqual([]);
    expect(warnings).toEqual(['directory degraded: searchPeople 403 Authorization_RequestDenied']);
  });
});

describe('GraphDirectory.standing', () => {
  const app = '11111111-0000-4000-8000-0000000000aa';
  const rolesPath = `/servicePrincipals(appId='${app}')/appRoleAssignedTo?$select=principalId,principalType,appRoleId&$top=999`;
  const checkPath = (userId: string) => `/users/${userId}/checkMemberGroups`;
  const boardGroup = 'bbbbbbbb-0000-4000-8000-000000000002';
  const assignments = {
    value: [
      { principalId: 'admin-1', principalType: 'User', appRoleId: APP_ROLE_IDS.Administration },
      { principalId: boardGroup, principalType: 'Group', appRoleId: APP_ROLE_IDS.Board },
      { principalId: 'someone', principalType: 'User', appRoleId: '00000000-0000-4000-8000-00000000dead' },
    ],
  };

  it('says which asked groups a user is in (checkMemberGroups, transitive) and the roles they hold directly or through a group', async () => {
    script.set(rolesPath, [{ status: 200, body: assignments }]);
    script.set(checkPath('u1'), [{ status: 200, body: { value: [group, boardGroup] } }]);
    script.set(checkPath('admin-1'), [{ status: 200, body: { value: [] } }]);
    const graph = directory([], fakeClock(), app);
    expect(await graph.standing('u1', [group, 'aaaaaaaa-0000-4000-8000-00000000000f'])).toEqual({ appRoles: ['Board'], groups: [group] });
    expect(await graph.standing('admin-1', [group])).toEqual({ appRoles: ['Administration'], groups: [] });
    const checks = seen.filter((request) => request.method === 'POST');
    expect(checks[0]).toMatchObject({ path: `/v1.0${checkPath('u1')}`, body: { groupIds: [group, 'aaaaaaaa-0000-4000-8000-00000000000f', boardGroup] } });
    // the role assignments are read once and reused
    expect(seen.filter((request) => request.path.includes('appRoleAssignedTo'))).toHaveLength(1);
  });

  it('knows the roles by the ids the app registration gives them', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../infra/aad.manifest.json', import.meta.url), 'utf8')) as { appRoles: { id: string; value: string }[] };
    expect(Object.fromEntries(manifest.appRoles.map((role) => [role.value, role.id]))).toEqual(APP_ROLE_IDS);
  });

  it('asks at most 20 groups per checkMemberGroups request', async () => {
    const groups = Array.from({ length: 25 }, (_, i) => `cccccccc-0000-4000-8000-${String(i).padStart(12, '0')}`);
    script.set(checkPath('u2'), [{ status: 200, body: { value: [groups[3]] } }, { status: 200, body: { value: [groups[22]] } }]);
    expect(await directory().standing('u2', groups)).toEqual({ appRoles: [], groups: [groups[3], groups[22]] });
    expect(seen.filter((request) => request.method === 'POST').map((request) => (request.body as { groupIds: string[] }).groupIds.length)).toEqual([20, 5]);
  });

  it('without the permissions knows no roles and no groups, logging once per kind', async () => {
    const warnings: string[] = [];
    script.set(rolesPath, [forbidden]);
    script.set(checkPath('u1'), [forbidden]);
    const graph = directory(warnings, fakeClock(), app);
    expect(await graph.standing('u1', [group])).toEqual({ appRoles: [], groups: [] });
    expect(await graph.standing('u1', [group])).toEqual({ appRoles: [], groups: [] });
    expect(warnings).toEqual(['directory degraded: roles 403 Authorization_RequestDenied', 'directory degraded: standing 403 Authorization_RequestDenied']);
  });
});
