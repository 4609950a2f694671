import { describe, expect, it } from 'vitest';
import { ConfigError, demoController, loadConfig } from './config';

const controller = { CONTROLLER_NAME: 'Barn- och utbildningsnämnden', CONTROLLER_EMAIL: 'bun@kommun.se', DPO_EMAIL: 'dso@kommun.se', ACCESSIBILITY_EMAIL: 'webb@kommun.se' };
const m365 = { AAD_APP_CLIENT_ID: 'c1', TENANT_ID: 't1', GRAPH_SITE_ID: 'site', GRAPH_CLIENT_ID: 'mi', ...controller };

describe('loadConfig', () => {
  it('starts in local mode on loopback port 3978 with no settings', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ mode: 'local', port: 3978, host: '127.0.0.1', devIdp: true, dataDir: '.data' });
  });

  it('keeps local mode on loopback: any other HOST is refused, naming why', () => {
    for (const host of ['127.0.0.1', '127.0.0.2', '::1', '[::1]', 'localhost', 'LOCALHOST']) {
      expect(loadConfig({ HOST: host }).host, host).toBe(host);
    }
    for (const host of ['0.0.0.0', '::', '192.168.1.20', '10.0.0.5', 'kh.skolan.se', '128.0.0.1', '127.0.0.1.nip.io']) {
      expect(() => loadConfig({ HOST: host }), host).toThrow(ConfigError);
      expect(() => loadConfig({ HOST: host }), host).toThrow(/^HOST: local mode listens on loopback only.*dev identity provider/);
    }
    // Microsoft 365 mode listens where it is told: it has no dev identity provider
    expect(loadConfig({ ...m365, HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('chooses Microsoft 365 mode when the site and the app are configured', () => {
    const config = loadConfig(m365);
    expect(config.mode).toBe('m365');
    if (config.mode !== 'm365') return;
    expect(config.devIdp).toBe(false);
    expect(config.allowedTenantIds).toEqual(['t1']);
    expect(config.graph.credential).toEqual({ kind: 'managedIdentity', clientId: 'mi' });
  });

  it('uses client credentials when a secret is set', () => {
    const config = loadConfig({ ...m365, GRAPH_CLIENT_SECRET: 's', GRAPH_TENANT_ID: 'gt', ALLOWED_TENANT_IDS: 't1, t2' });
    if (config.mode !== 'm365') throw new Error('m365 expected');
    expect(config.graph.credential).toEqual({ kind: 'clientSecret', tenantId: 'gt', clientId: 'mi', clientSecret: 's' });
    expect(config.allowedTenantIds).toEqual(['t1', 't2']);
  });

  it('reads "home" in ALLOWED_TENANT_IDS as the home tenant, alone or beside others', () => {
    const only = loadConfig({ ...m365, ALLOWED_TENANT_IDS: 'home' });
    const beside = loadConfig({ ...m365, ALLOWED_TENANT_IDS: 'home, t2, t1' });
    if (only.mode !== 'm365' || beside.mode !== 'm365') throw new Error('m365 expected');
    expect(only.allowedTenantIds).toEqual(['t1']);
    expect(beside.allowedTenantIds).toEqual(['t1', 't2']);
  });

  it('names the controller of the data in Microsoft 365 mode, and requires it there', () => {
    const config = loadConfig(m365);
    expect(config.controller).toEqual({ name: 'Barn- och utbildningsnämnden', email: 'bun@kommun.se', dpoEmail: 'dso@kommun.se', accessibilityEmail: 'webb@kommun.se' });
    for (const name of Object.keys(controller)) {
      expect(() => loadConfig({ ...m365, [name]: undefined }), name).toThrow(new RegExp(`^${name}: required`));
    }
    expect(() => loadConfig({ ...m365, DPO_EMAIL: 'dataskyddsombudet' })).toThrow(/^DPO_EMAIL: an e-mail address/);
  });

  it('gives local mode the demo municipality as a fictional controller, which the settings override', () => {
    expect(loadConfig({}).controller).toEqual(demoController);
    expect(loadConfig({ CONTROLLER_NAME: 'Skolnämnden' }).controller.name).toBe('Skolnämnden');
  });

  it('seeds the demo in local mode unless SEED=none, and never in Microsoft 365 mode', () => {
    expect(loadConfig({})).toMatchObject({ mode: 'local', seed: 'demo' });
    expect(loadConfig({ SEED: 'none' })).toMatchObject({ mode: 'local', seed: 'none' });
    expect(() => loadConfig({ SEED: 'some' })).toThrow(/^SEED/);
    expect(() => loadConfig({ ...m365, SEED: 'demo' })).toThrow(/^SEED: the demo municipality is seeded in local mode only/);
    expect(loadConfig({ ...m365, SEED: 'none' }).mode).toBe('m365');
  });

  it('reaches Skolverket\'s school-unit register in Microsoft 365 mode, and in local mode only when told to', () => {
    expect(loadConfig(m365).schoolUnitRegisterUrl).toBe('https://api.skolverket.se/skolenhetsregistret');
    expect(loadConfig({}).schoolUnitRegisterUrl).toBeUndefined();
    expect(loadConfig({ SCHOOL_UNIT_REGISTER_URL: 'http://127.0.0.1:8089/register' }).schoolUnitRegisterUrl).toBe('http://127.0.0.1:8089/register');
    expect(() => loadConfig({ SCHOOL_UNIT_REGISTER_URL: 'not a url' })).toThrow(/^SCHOOL_UNIT_REGISTER_URL/);
  });

  it('refuses the dev identity provider in Microsoft 365 mode, naming it', () => {
    expect(() => loadConfig({ ...m365, DEV_IDP: 'on' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...m365, DEV_IDP: 'on' })).toThrow(/DEV_IDP/);
  });

  it('names the missing variable of Microsoft 365 mode', () => {
    expect(() => loadConfig({ MODE: 'm365', AAD_APP_CLIENT_ID: 'c1', GRAPH_SITE_ID: 's' })).toThrow(/TENANT_ID/);
    expect(() => loadConfig({ ...m365, GRAPH_CLIENT_ID: undefined })).toThrow(/GRAPH_CLIENT_ID/);
  });

  it('names an invalid variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/^PORT/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});
