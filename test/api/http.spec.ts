import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BJORKSKOLAN, startHarness, type Harness } from './harness';

let h: Harness;
let tabDir: string;
beforeAll(async () => {
  tabDir = mkdtempSync(path.join(tmpdir(), 'kh-tab-'));
  mkdirSync(path.join(tabDir, 'assets'));
  writeFileSync(path.join(tabDir, 'index.html'), '<!doctype html><title>Kvalitetshjulet</title>');
  writeFileSync(path.join(tabDir, 'assets', 'index-AbCd1234.js'), 'console.log(1)');
  h = await startHarness({ tabDir });
});
afterAll(async () => {
  await h?.server.stop();
  rmSync(tabDir, { recursive: true, force: true });
});

describe('health and configuration', () => {
  it('answers /healthz with the mode once ready', async () => {
    const response = await h.request('GET', '/healthz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', mode: 'local' });
  });

  it('tells the tab how to sign in, without a token', async () => {
    const response = await h.request('GET', '/api/config');
    expect(response.status).toBe(200);
    // local mode needs no network: units come from the register's JSON as a file
    expect(response.body).toEqual({ mode: 'local', devIdp: { tokenUrl: '/dev-idp/token', personasUrl: '/dev-idp/personas' }, schoolUnitRegister: false });
  });

  it('answers an unknown API path with a 404 problem', async () => {
    const response = await h.request('GET', '/api/nothing-here', { persona: 'admin' });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});

describe('security headers', () => {
  it('sends a CSP whose frame-ancestors admit only Teams and Microsoft 365 hosts', async () => {
    for (const target of ['/api/config', '/', '/healthz']) {
      const csp = (await h.request('GET', target)).headers.get('content-security-policy') ?? '';
      const ancestors = /frame-ancestors ([^;]+)/.exec(csp)?.[1]?.split(' ') ?? [];
      expect(ancestors).toEqual(expect.arrayContaining([
        'https://teams.microsoft.com', 'https://*.teams.microsoft.com', 'https://*.cloud.microsoft',
        'https://*.office.com', 'https://*.microsoft365.com', 'https://outlook.office.com', 'https://outlook.office365.com',
      ]));
      expect(ancestors).not.toContain('*');
      expect(ancestors.every((source) => source === "'self'" || /^https:\/\/(\*\.)?[a-z0-9.-]+\.(com|microsoft)$/.test(source))).toBe(true);
    }
  });

  it('sends no wildcard CORS, not even to a preflight', async () => {
    const headers = { origin: 'https://evil.example', 'access-control-request-method': 'PATCH' };
    const preflight = await h.request('OPTIONS', '/api/units', { headers });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const get = await h.request('GET', '/api/units', { persona: 'admin', headers: { origin: 'https://evil.example' } });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
    expect(get.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('paging', () => {
  it('pages a long list with top and nextPageToken, without repeats', async () => {
    const unit = await h.unitId(BJORKSKOLAN);
    const all = await h.request('GET', `/api/units/${unit}/actions`, { persona: 'admin' });
    const total = (all.body['items'] as unknown[]).length;
    expect(total).toBeGreaterThan(2);
    const seen: string[] = [];
    let token: string | undefined;
    for (let page = 0; page < 20; page++) {
      const query = `top=2${token ? `&pageToken=${encodeURIComponent(token)}` : ''}`;
      const response = await h.request('GET', `/api/units/${unit}/actions?${query}`, { persona: 'admin' });
      expect(response.status).toBe(200);
      const items = response.body['items'] as { id: string }[];
      expect(items.length).toBeLessThanOrEqual(2);
      seen.push(...items.map((item) => item.id));
      token = response.body['nextPageToken'] as string | undefined;
      if (!token) break;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(total);
  });

  it('refuses a page token it did not make', async () => {
    const unit = await h.unitId(BJORKSKOLAN);
    const response = await h.request('GET', `/api/units/${unit}/actions?pageToken=garbage`, { persona: 'admin' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'invalidQuery', field: 'pageToken' });
  });

  it('refuses a page token handed back with another query (another filter or unit)', async () => {
    const unit = await h.unitId(BJORKSKOLAN);
    const first = await h.request('GET', `/api/units/${unit}/actions?top=1`, { persona: 'admin' });
    const token = first.body['nextPageToken'];
    expect(typeof token).toBe('string');
    const encoded = encodeURIComponent(String(token));
    const own = await h.request('GET', `/api/units/${unit}/actions?top=1&pageToken=${encoded}`, { persona: 'admin' });
    expect(own.status).toBe(200);
    const otherFilter = await h.request('GET', `/api/units/${unit}/actions?top=1&filter=open&pageToken=${encoded}`, { persona: 'admin' });
    expect(otherFilter.status).toBe(400);
    const other = await h.unitId('Lindgymnasiet');
    const otherUnit = await h.request('GET', `/api/units/${other}/actions?top=1&pageToken=${encoded}`, { persona: 'admin' });
    expect(otherUnit.status).toBe(400);
    expect(otherUnit.body).toMatchObject({ code: 'invalidQuery', field: 'pageToken' });
  });
});

describe('the overview', () => {
  it('reads the unit\'s overview from the read model after one Graph round trip, and nothing from the store', async () => {
    const unit = await h.unitId(BJORKSKOLAN);
    // warm the unit cache so only the overview's own reads are counted
    await h.request('GET', `/api/units/${unit}`, { persona: 'principal-bjork' });
    const store = h.started.store as unknown as Record<string, (...args: unknown[]) => unknown>;
    const calls: string[] = [];
    const originals = new Map<string, (...args: unknown[]) => unknown>();
    for (const name of ['get', 'query', 'queryAll', 'readMany']) {
      const original = store[name];
      if (!original) continue;
      originals.set(name, original);
      store[name] = (...args: unknown[]) => {
        calls.push(name);
        return original.apply(h.started.store, args);
      };
    }
    const emulator = h.started.emulator;
    if (!emulator) throw new Error('local mode');
    const before = emulator.stats().roundTrips;
    try {
      const response = await h.request('GET', `/api/units/${unit}/overview`, { persona: 'principal-bjork' });
      expect(emulator.stats().roundTrips - before).toBe(1);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ unit: { id: unit }, cycle: { phases: expect.any(Object) as unknown } });
      for (const key of ['goals', 'indicators', 'latestMeasurements', 'openActions', 'overdueActions', 'nextMeetings', 'nextActivities']) {
        expect(Array.isArray(response.body[key])).toBe(true);
      }
      expect(calls).toEqual([]);
    } finally {
      for (const [name, original] of originals) store[name] = original;
    }
  });
});

describe('the tab', () => {
  it('serves index.html uncached for / and SPA routes, and hashed assets with a long cache', async () => {
    for (const route of ['/', '/config', '/tab', '/tab/actions']) {
      const response = await h.request('GET', route);
      expect(response.status).toBe(200);
      expect(response.text).toContain('<title>Kvalitetshjulet</title>');
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
    const asset = await h.request('GET', '/assets/index-AbCd1234.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await h.request('GET', '/assets/missing-12345678.js')).status).toBe(404);
  });
});
