import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/api/log';
import { loadConfig } from '../../src/config';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index';
import { allLists } from '../../src/lists/lists';
import { createServer, type KvalitetshjuletServer } from '../../src/server';

// Microsoft 365 mode with the emulator standing in for Graph: the same server, other identity.
let emulator: RunningEmulator;
let server: KvalitetshjuletServer;
let url: string;
const tokens: string[] = [];
beforeAll(async () => {
  emulator = await startEmulator({ lists: allLists });
  const config = loadConfig({
    PORT: '0', HOST: '127.0.0.1', AAD_APP_CLIENT_ID: '11111111-1111-4111-8111-111111111111', TENANT_ID: '22222222-2222-4222-8222-222222222222',
    GRAPH_SITE_ID: emulator.siteId, GRAPH_BASE_URL: emulator.baseUrl, GRAPH_CLIENT_ID: '33333333-3333-4333-8333-333333333333', TAB_DOMAIN: 'kh.example.se',
    CONTROLLER_NAME: 'Barn- och utbildningsnämnden i Exempelby', CONTROLLER_EMAIL: 'bun@exempelby.se', DPO_EMAIL: 'dso@exempelby.se', ACCESSIBILITY_EMAIL: 'webb@exempelby.se',
  });
  server = createServer(config, {
    log: createLogger({ level: 'silent' }),
    botScheduler: false,
    graphTokenProvider: () => {
      tokens.push('app-token');
      return Promise.resolve('app-token');
    },
  });
  url = (await server.start()).url;
});
afterAll(async () => {
  await server?.stop();
  await emulator?.close();
});

describe('Microsoft 365 mode', () => {
  it('is ready once the lists answer, with the app-only Graph identity', async () => {
    const response = await fetch(`${url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', mode: 'm365' });
    expect(tokens.length).toBeGreaterThan(0);
  });

  it('tells the tab to sign in with Entra ID, and has no dev identity provider', async () => {
    const config = await (await fetch(`${url}/api/config`)).json();
    expect(config).toEqual({
      mode: 'm365',
      clientId: '11111111-1111-4111-8111-111111111111',
      tenantId: '22222222-2222-4222-8222-222222222222',
      authority: 'https://login.microsoftonline.com/22222222-2222-4222-8222-222222222222',
      apiScope: 'api://kh.example.se/11111111-1111-4111-8111-111111111111/access_as_user',
      // Skolverket's open register is reached from Microsoft 365 mode by default
      schoolUnitRegister: true,
    });
    expect((await fetch(`${url}/dev-idp/personas`)).status).toBe(404);
    const token = await fetch(`${url}/dev-idp/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"persona":"admin"}' });
    expect(token.status).toBe(404);
  });

  it('lets only Microsoft hosts frame the tab: not even its own origin', async () => {
    const csp = (await fetch(`${url}/healthz`)).headers.get('content-security-policy') ?? '';
    const ancestors = /frame-ancestors ([^;]+)/.exec(csp)?.[1]?.split(' ') ?? [];
    expect(ancestors).toContain('https://teams.microsoft.com');
    expect(ancestors).not.toContain("'self'");
    expect(ancestors.every((source) => /^https:\/\/(\*\.)?[a-z0-9.-]+\.(com|microsoft)$/.test(source))).toBe(true);
  });

  it('publishes the privacy statement without a token, naming the configured controller', async () => {
    const response = await fetch(`${url}/privacy`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Barn- och utbildningsnämnden i Exempelby');
    expect(html).toContain('mailto:dso@exempelby.se');
    expect(html).not.toContain('Demokommun');
  });

  it('refuses a request without a token', async () => {
    const response = await fetch(`${url}/api/me`);
    expect(response.status).toBe(401);
  });

  it('answers 501 at the bot endpoint when no bot is configured', async () => {
    const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(501);
    expect(((await response.json()) as { code: string }).code).toBe('notImplemented');
  });
});
