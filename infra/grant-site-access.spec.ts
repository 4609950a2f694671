import { execFile, execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const script = join(dirname(fileURLToPath(import.meta.url)), 'grant-site-access.sh');
const run = promisify(execFile);
const hasTools = ['bash', 'curl', 'jq'].every((tool) => {
  try {
    execFileSync('bash', ['-c', `command -v ${tool}`]);
    return true;
  } catch {
    return false;
  }
});

const appId = '11111111-2222-4333-8444-555555555555';
const siteId = 'contoso.sharepoint.com,aaaaaaaa-0000-4000-8000-000000000001,bbbbbbbb-0000-4000-8000-000000000002';

interface Recorded { method: string; path: string; body: unknown }

/** A Graph stand-in holding the identity's service principal, Graph's, and the site's permissions. */
function fakeGraph(): { server: Server; requests: Recorded[] } {
  const requests: Recorded[] = [];
  const assignments: unknown[] = [];
  const permissions: { id: string; roles: string[]; grantedToIdentitiesV2: { application: { id: string } }[] }[] = [];
  const server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => { text += chunk.toString(); });
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://fake');
      const path = decodeURIComponent(url.pathname);
      const body: unknown = text ? JSON.parse(text) : undefined;
      requests.push({ method: request.method ?? '', path, body });
      const reply = (status: number, value: unknown) => {
        response.writeHead(status, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(value));
      };
      if (request.headers.authorization !== 'Bearer test-token') return reply(401, { error: { code: 'InvalidAuthenticationToken', message: 'no' } });
      if (path === `/v1.0/servicePrincipals(appId='${appId}')`) return reply(200, { id: 'sp-app' });
      if (path === "/v1.0/servicePrincipals(appId='00000003-0000-0000-c000-000000000000')") {
        return reply(200, { id: 'sp-graph', appRoles: [{ id: 'role-read-all', value: 'Sites.Read.All' }, { id: 'role-selected', value: 'Sites.Selected' }] });
      }
      if (path === '/v1.0/servicePrincipals/sp-app/appRoleAssignments') {
        if (request.method === 'POST') {
          assignments.push({ ...(body as object), id: 'assignment-1' });
          return reply(201, assignments.at(-1));
        }
        return reply(200, { value: assignments });
      }
      if (path === `/v1.0/sites/${siteId}/permissions`) {
        if (request.method === 'POST') {
          const grant = body as { roles: string[]; grantedToIdentities: { application: { id: string } }[] };
          permissions.push({ id: 'perm-1', roles: grant.roles, grantedToIdentitiesV2: grant.grantedToIdentities });
          return reply(201, permissions.at(-1));
        }
        return reply(200, { value: permissions });
      }
      if (path === `/v1.0/sites/${siteId}/permissions/perm-1` && request.method === 'PATCH') {
        const current = permissions[0];
        if (current) current.roles = (body as { roles: string[] }).roles;
        return reply(200, current);
      }
      return reply(404, { error: { code: 'itemNotFound', message: path } });
    });
  });
  return { server, requests };
}

describe.skipIf(!hasTools)('infra/grant-site-access.sh', () => {
  const graph = fakeGraph();
  let baseUrl = '';
  const grant = (...args: string[]) => run('bash', [script, '--site', siteId, '--app-id', appId, ...args], {
    env: { ...process.env, GRAPH_TOKEN: 'test-token', GRAPH_BASE_URL: baseUrl },
  });
  const writes = () => graph.requests.filter((r) => r.method !== 'GET');

  beforeAll(async () => {
    await new Promise<void>((resolve) => graph.server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(graph.server.address() as AddressInfo).port}/v1.0`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => graph.server.close(() => resolve()));
  });

  it('assigns Sites.Selected and grants write on the site to the app', async () => {
    const { stdout } = await grant('--name', 'Kvalitetshjulet-dev');
    expect(writes()).toEqual([
      { method: 'POST', path: '/v1.0/servicePrincipals/sp-app/appRoleAssignments', body: { principalId: 'sp-app', resourceId: 'sp-graph', appRoleId: 'role-selected' } },
      { method: 'POST', path: `/v1.0/sites/${siteId}/permissions`, body: { roles: ['write'], grantedToIdentities: [{ application: { id: appId, displayName: 'Kvalitetshjulet-dev' } }] } },
    ]);
    expect(stdout).toContain(`Granted 'write' on ${siteId}`);
  });

  it('changes nothing when run again', async () => {
    const before = writes().length;
    const { stdout } = await grant();
    expect(writes()).toHaveLength(before);
    expect(stdout).toContain('already');
  });

  it('changes the role of the existing grant instead of adding another', async () => {
    await grant('--role', 'fullcontrol');
    expect(writes().at(-1)).toEqual({ method: 'PATCH', path: `/v1.0/sites/${siteId}/permissions/perm-1`, body: { roles: ['fullcontrol'] } });
  });

  it('fails with Graph’s error when the token is refused', async () => {
    const failure = await run('bash', [script, '--site', siteId, '--app-id', appId], {
      env: { ...process.env, GRAPH_TOKEN: 'wrong', GRAPH_BASE_URL: baseUrl },
    }).then(() => undefined, (caught: { code: number; stderr: string }) => caught);
    expect(failure?.code).not.toBe(0);
    expect(failure?.stderr).toContain('401: InvalidAuthenticationToken');
  });
});
