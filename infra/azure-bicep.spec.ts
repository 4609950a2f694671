import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// No Bicep compiler here: these checks pin what a reviewer would check by eye, by reading the file.
const here = dirname(fileURLToPath(import.meta.url));
const bicep = readFileSync(join(here, 'azure.bicep'), 'utf8');
const parameters = (JSON.parse(readFileSync(join(here, 'azure.parameters.json'), 'utf8')) as { parameters: Record<string, unknown> }).parameters;

const declaredParams = [...bicep.matchAll(/^param (\w+) (\w+)( = .*)?$/gm)].map((m) => ({ name: m[1] ?? '', hasDefault: m[3] !== undefined }));

function block(startPattern: RegExp): string {
  const start = bicep.search(startPattern);
  if (start < 0) throw new Error(`no ${String(startPattern)}`);
  const next = bicep.slice(start + 1).search(/^(resource|output|param|var) /m);
  return next < 0 ? bicep.slice(start) : bicep.slice(start, start + 1 + next);
}

describe('infra/azure.bicep and its parameters', () => {
  it('the parameters file sets only declared parameters and every one without a default', () => {
    const names = new Set(declaredParams.map((p) => p.name));
    expect(Object.keys(parameters).filter((name) => !names.has(name))).toEqual([]);
    expect(declaredParams.filter((p) => !p.hasDefault && !(p.name in parameters)).map((p) => p.name)).toEqual([]);
  });

  it('every declared parameter is used', () => {
    for (const { name } of declaredParams) {
      expect(bicep.split(/\W+/).filter((word) => word === name).length, name).toBeGreaterThan(1);
    }
  });

  it('runs a Linux web app on Node 22 LTS, https only, with health check and Always On', () => {
    const plan = block(/^resource plan /m);
    expect(plan).toMatch(/kind: 'linux'/);
    expect(plan).toMatch(/reserved: true/);
    const site = block(/^resource webApp /m);
    expect(site).toMatch(/linuxFxVersion: 'NODE\|22-lts'/);
    expect(site).toMatch(/httpsOnly: true/);
    expect(site).toMatch(/healthCheckPath: '\/healthz'/);
    expect(site).toMatch(/alwaysOn: true/);
    expect(site).toMatch(/type: 'UserAssigned'/);
  });

  it('gives the server the settings it reads, with the managed identity for Graph and the bot', () => {
    const settings = block(/^resource appSettings /m);
    for (const name of ['MODE', 'TENANT_ID', 'ALLOWED_TENANT_IDS', 'AAD_APP_CLIENT_ID', 'TAB_DOMAIN', 'GRAPH_SITE_ID', 'GRAPH_CLIENT_ID', 'BOT_ID', 'BOT_TENANT_ID', 'BOT_TYPE',
      'CONTROLLER_NAME', 'CONTROLLER_EMAIL', 'DPO_EMAIL', 'ACCESSIBILITY_EMAIL']) {
      expect(settings, name).toMatch(new RegExp(`^\\s+${name}: `, 'm'));
    }
    expect(settings).toMatch(/MODE: 'm365'/);
    expect(settings).toMatch(/BOT_TYPE: 'UserAssignedMSI'/);
    expect(settings).toMatch(/GRAPH_CLIENT_ID: identity\.properties\.clientId/);
    expect(settings).toMatch(/BOT_ID: identity\.properties\.clientId/);
  });

  it('registers a single-tenant bot on the same managed identity, with the Teams channel', () => {
    const bot = block(/^resource bot /m);
    expect(bot).toMatch(/msaAppType: 'UserAssignedMSI'/);
    expect(bot).toMatch(/msaAppId: identity\.properties\.clientId/);
    expect(bot).toMatch(/msaAppMSIResourceId: identity\.id/);
    expect(bot).toMatch(/msaAppTenantId: tenantId/);
    expect(bot).toMatch(/endpoint: 'https:\/\/\$\{webApp\.properties\.defaultHostName\}\/api\/messages'/);
    expect(block(/^resource teamsChannel /m)).toMatch(/channelName: 'MsTeamsChannel'/);
    expect(bicep.match(/Microsoft\.ManagedIdentity\/userAssignedIdentities/g)).toHaveLength(1);
  });

  it('holds no secret', () => {
    const code = bicep.replace(/\/\/.*$/gm, '');
    expect(code).not.toMatch(/@secure\(\)|password|clientSecret|listKeys/i);
    expect(JSON.stringify(parameters)).not.toMatch(/SECRET_/);
  });
});
