import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rollup } from '../contract';
import { sendJson } from './reply';

/** A roll-up of `count` units: large enough to be packed from some 60 units on. */
function rollup(count: number): Rollup {
  const none = { done: 0, inProgress: 0, notStarted: count };
  return {
    schoolYear: '2025/26', years: ['2025/26'], today: '2026-03-01',
    units: Array.from({ length: count }, (_, u) => ({
      unitId: String(u), name: `Enhet ${u}`, type: 'grundskola' as const, schoolUnitCode: String(10_000_000 + u),
      cycle: { schoolYear: '2025/26', phases: { followUp: 'done' as const, analysis: 'notStarted' as const, planning: 'notStarted' as const, implementation: 'notStarted' as const }, current: 'analysis' as const },
      analysisStatus: 'none' as const, feedback: 'noSubmission' as const, openActions: 0, overdueActions: 0, openDeficiencies: 0, deficienciesWithoutAction: 0, overdueDeficiencies: 0, meetings: 0,
    })),
    phaseSummary: { followUp: none, analysis: none, planning: none, implementation: none },
    indicators: [], deficiencies: [], overdueActions: [], commonAreasToDevelop: [], awaitingFeedback: [], unreadFeedback: [],
  };
}

describe('sendJson', () => {
  let server: Server;
  let base: string;
  const large = rollup(600);
  const small = rollup(2);

  beforeAll(async () => {
    const app = express();
    app.get('/large', (_req, res) => sendJson<Rollup>(res, large));
    app.get('/small', (_req, res) => sendJson<Rollup>(res, small));
    server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('gzips a large answer for a caller that accepts it, and the answer reads the same', async () => {
    const response = await fetch(`${base}/large`, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('vary')).toContain('Accept-Encoding');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    // packed, the answer is a small part of its JSON
    expect(Number(response.headers.get('content-length'))).toBeLessThan(JSON.stringify(large).length / 5);
    expect(await response.json()).toEqual(large);
  });

  it('sends a large answer as it is to a caller that does not accept gzip', async () => {
    const response = await fetch(`${base}/large`, { headers: { 'accept-encoding': 'identity' } });
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(JSON.stringify(large)));
    expect(await response.json()).toEqual(large);
  });

  it('sends a small answer as it is: packing it would cost more than it saves', async () => {
    const response = await fetch(`${base}/small`, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(await response.json()).toEqual(small);
  });
});
