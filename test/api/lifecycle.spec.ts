import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/api/log';
import { loadConfig } from '../../src/config';
import { createServer } from '../../src/server';

const quiet = { log: createLogger({ level: 'silent' }), inMemory: true, botScheduler: false };

describe('before it is ready', () => {
  it('answers /healthz 503 and the API with a 503 problem', async () => {
    const server = createServer(loadConfig({ PORT: '0' }), quiet);
    // the app alone, without start(): nothing behind it is ready
    const http = createHttpServer(server.app).listen(0, '127.0.0.1');
    await new Promise((resolve) => http.once('listening', resolve));
    try {
      const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ status: 'starting', mode: 'local' });
      const api = await fetch(`${base}/api/me`);
      expect(api.status).toBe(503);
      expect(api.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(api.headers.get('retry-after')).toBe('1');
    } finally {
      await new Promise((resolve) => http.close(resolve));
    }
  });
});

describe('stop', () => {
  it('finishes a request in flight, then refuses new connections', async () => {
    const server = createServer(loadConfig({ PORT: '0' }), quiet);
    const started = await server.start();
    const emulator = started.emulator;
    const idp = started.devIdp;
    if (!emulator || !idp) throw new Error('local mode');
    const token = await idp.issue('admin');
    const action = (await started.store.query('actions', { top: 1 })).items[0];
    // every Graph request now waits, so the API call below is still running when stop begins
    emulator.setFaults({ latencyMs: 300 });
    let stopCalled = false;
    const inFlight = fetch(`${started.url}/api/actions/${action?.id ?? '1'}`, { headers: { authorization: `Bearer ${token}` } }).then(async (response) => ({
      status: response.status,
      stopWasCalled: stopCalled,
      body: (await response.json()) as Record<string, unknown>,
    }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    stopCalled = true;
    const stopping = server.stop();
    const finished = await inFlight;
    await stopping;
    expect(finished.stopWasCalled).toBe(true);
    expect(finished.status).toBe(200);
    expect(finished.body['id']).toBe(action?.id);
    await expect(fetch(`${started.url}/healthz`)).rejects.toThrow();
  });
});

describe('the bot endpoint', () => {
  it('is mounted at POST /api/messages', async () => {
    const server = createServer(loadConfig({ PORT: '0' }), { ...quiet, seed: 'none' });
    const started = await server.start();
    try {
      const response = await fetch(`${started.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      // the bot's own validation answers: not the API's 404 or the 501 of a missing bot
      expect(response.status).toBe(400);
      expect(await response.text()).not.toContain('notImplemented');
    } finally {
      await server.stop();
    }
  });
});
