import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthError } from '../../auth/auth-error';
import type { Principal } from '../../auth/principal';
import { lists, type Entities } from '../../lists/lists';
import { createServices } from '../../services';
import { fixturePeople, seedFixture, type Fixture } from '../../services/report/test-fixture';
import { UnavailableError } from '../../store/errors';
import { createMemoryStore } from '../../store/memory-store';
import { startedMirror } from '../../store/test-kit';
import type { Store } from '../../store/port';
import { createLogger } from '../log';
import { apiNotFound, errorHandler } from '../middleware/errors';
import { permissionOf, routeTable, type TokenValidatorLike } from '../route';
import { organizerRoutes } from './organizer';

const principal = (userId: string, appRoles: Principal['appRoles']): Principal => ({ userId, tenantId: 't', name: 'n', appRoles, groups: [], groupsOverage: false });
const tokens: Record<string, Principal> = {
  admin: principal(fixturePeople.admin, ['Administration']),
  board: principal('0b000000-0000-4000-8000-000000000001', ['Board']),
  rektor: principal(fixturePeople.principalA, []),
};
const validator: TokenValidatorLike = {
  async validate(header) {
    const found = tokens[(header ?? '').replace(/^Bearer /, '')];
    if (!found) throw new AuthError('missingToken');
    return found;
  },
};

const goodFile = 'kpi;ou;period;value\nN15503;10000001;2027;236,5\nN15503;10000002;2027;228\nN15033;10000001;2027;6,5\n';

describe('organizer routes', () => {
  let server: Server;
  let base: string;
  let store: Store<Entities>;
  let fixture: Fixture;
  const now = () => new Date('2026-03-15T12:00:00Z');
  /** when set, the organizer's store fails the `$batch` of creates after this many succeeded */
  let failAfterCreates: number | undefined;
  let creates = 0;
  let services: ReturnType<typeof createServices>;

  beforeAll(async () => {
    const memory = createMemoryStore<Entities>(lists);
    store = memory;
    fixture = await seedFixture(store);
    const { readModel } = await startedMirror(memory, memory);
    const flaky: Store<Entities> = {
      ...store,
      createMany: async (list, entries, options) => {
        if (list === 'measurements' && failAfterCreates !== undefined && creates++ >= failAfterCreates) throw new UnavailableError('SharePoint is busy', 503);
        return store.createMany(list, entries, options);
      },
    };
    const app = express();
    const router = express.Router();
    services = createServices(flaky, readModel, { now, importWorker: { maxAttempts: 1 } });
    const deps = { validator, services };
    organizerRoutes(routeTable(router, deps), deps);
    router.use(apiNotFound);
    router.use(errorHandler(createLogger({ level: 'silent' })));
    app.use('/api', router);
    server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
    // keep the walk honest: every route this module adds declares a permission
    const layers = (router as unknown as { stack: { route?: { stack: { handle: unknown }[] } }[] }).stack.filter((l) => l.route);
    expect(layers).toHaveLength(6);
    for (const layer of layers) expect(permissionOf(layer.route?.stack[0]?.handle)).toMatch(/^organizer\./);
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const call = (path: string, who: string | undefined, init: RequestInit = {}) =>
    fetch(`${base}${path}`, { ...init, headers: { ...(who ? { authorization: `Bearer ${who}` } : {}), ...(init.body ? { 'content-type': 'application/json' } : {}), ...(init.headers as Record<string, string> | undefined) } });

  it('gives the administration the roll-up with owners', async () => {
    const response = await call('/organizer/rollup?schoolYear=2025/26', 'admin');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { units: unknown[]; overdueActions: { actions: { ownerName?: string }[] }[] };
    expect(body.units).toHaveLength(3);
    expect(body.overdueActions[0]?.actions[0]?.ownerName).toBe('Bertil Backman');
  });

  it('gives the board the roll-up without anything about individual staff', async () => {
    const response = await call('/organizer/rollup?schoolYear=2025/26', 'board');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('Gemensamma ordningsregler');
    expect(text).not.toContain('Bertil Backman');
    for (const id of Object.values(fixturePeople)) expect(text).not.toContain(id);
  });

  it('refuses a principal, a missing token and a bad school year', async () => {
    expect((await call('/organizer/rollup', 'rektor')).status).toBe(403);
    expect((await call('/organizer/rollup', undefined)).status).toBe(401);
    const bad = await call('/organizer/rollup?schoolYear=2025/27', 'admin');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(await bad.json()).toMatchObject({ code: 'invalidQuery', field: 'schoolYear' });
  });

  it('lets the board and a principal import nothing, nor follow an import', async () => {
    const response = await call('/organizer/imports', 'board', { method: 'POST', body: JSON.stringify({ kind: 'kolada', csv: goodFile }) });
    expect(response.status).toBe(403);
    expect(await store.queryAll('measurements', { filter: [{ field: 'schoolYear', op: 'eq', value: '2026/27' }] })).toHaveLength(0);
    for (const who of ['board', 'rektor']) {
      expect((await call('/organizer/imports', who)).status).toBe(403);
      expect((await call('/organizer/imports/1', who)).status).toBe(403);
    }
    expect((await call('/organizer/imports', undefined)).status).toBe(401);
  });

  it('previews with the duration, refuses a bad file with its rows, queues a good one (202) that the worker writes, and again changes nothing', async () => {
    const preview = await call('/organizer/imports/preview', 'admin', { method: 'POST', body: JSON.stringify({ kind: 'kolada', csv: goodFile }) });
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ errors: [], summary: { create: 3, minutes: 1 } });

    const bad = await call('/organizer/imports', 'admin', { method: 'POST', body: JSON.stringify({ kind: 'kolada', csv: `${goodFile}N15503;99999999;2027;1\n` }) });
    expect(bad.status).toBe(400);
    const problemBody = (await bad.json()) as { code: string; errors: { line: number; field: string }[] };
    expect(problemBody.code).toBe('invalidBody');
    expect(problemBody.errors).toEqual([expect.objectContaining({ line: 5, field: 'unit' })]);
    expect(await store.queryAll('measurements', { filter: [{ field: 'schoolYear', op: 'eq', value: '2026/27' }] })).toHaveLength(0);

    const queued = await call('/organizer/imports', 'admin', { method: 'POST', body: JSON.stringify({ kind: 'kolada', csv: goodFile }) });
    expect(queued.status).toBe(202);
    const job = (await queued.json()) as { id: string };
    expect(queued.headers.get('location')).toBe(`/api/organizer/imports/${job.id}`);
    expect(await (await call(`/organizer/imports/${job.id}`, 'admin')).json()).toMatchObject({ state: 'queued', written: 0, total: 3 });
    const second = await call('/organizer/imports', 'admin', { method: 'POST', body: JSON.stringify({ kind: 'kolada', csv: goodFile }) });
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ code: 'conflict', current: { id: job.id, state: 'queued' } });
    expect(await services.importWorker.runNext()).toBe(true);
    expect(await (await call(`/organizer/imports/${job.id}`, 'admin')).json()).toMatchObject({ state: 'done', written: 3, created: 3, updated: 0, unchanged: 0 });

    const again = await call('/organizer/imports', 'admin', { method: 'POST', body: JSON.stringify({ kind: 'kolada', csv: goodFile }) });
    expect(again.status).toBe(202);
    const againJob = (await again.json()) as { id: string };
    await services.importWorker.runNext();
    expect(await (await call(`/organizer/imports/${againJob.id}`, 'admin')).json()).toMatchObject({ state: 'done', created: 0, updated: 0, unchanged: 3 });
    expect(await store.queryAll('measurements', { filter: [{ field: 'schoolYear', op: 'eq', value: '2026/27' }] })).toHaveLength(3);
    const list = (await (await call('/organizer/imports', 'admin')).json()) as { items: { id: string }[] };
    expect(list.items.map((item) => item.id).slice(0, 2)).toEqual([againJob.id, job.id]);
    expect((await call('/organizer/imports/999999', 'admin')).status).toBe(404);
  });

  it('undoes an import that fails part way and says why in its job', async () => {
    const csv = goodFile.replace(/2027/g, '2029');
    const inYear = () => store.queryAll('measurements', { filter: [{ field: 'schoolYear', op: 'eq', value: '2028/29' }] });
    try {
      [failAfterCreates, creates] = [0, 0];
      const queued = await call('/organizer/imports', 'admin', { method: 'POST', body: JSON.stringify({ kind: 'kolada', csv }) });
      expect(queued.status).toBe(202);
      const job = (await queued.json()) as { id: string };
      await services.importWorker.runNext();
      const failed = await (await call(`/organizer/imports/${job.id}`, 'admin')).json();
      expect(failed).toMatchObject({ state: 'failed', created: 0, failure: expect.stringContaining('SharePoint svarade inte') });
      expect(await inYear()).toHaveLength(0);
    } finally {
      failAfterCreates = undefined;
    }
  });

  it('takes import bodies larger than 100 kB, up to 5 MB', async () => {
    const filler = Array.from({ length: 6_000 }, () => 'N15503;;2027;;').join('\n');
    const response = await call('/organizer/imports/preview', 'admin', { method: 'POST', body: JSON.stringify({ kind: 'kolada', csv: `kpi;ou;period;value\n${filler}` }) });
    expect(response.status).toBe(200);
    // every row lacks its unit: the first 1,000 errors come back, the summary counts them all
    const body = (await response.json()) as { errors: unknown[]; summary: { errors: number }; truncated: boolean };
    expect(body.errors).toHaveLength(1_000);
    expect(body.summary.errors).toBe(6_000);
    expect(body.truncated).toBe(true);
    const tooLarge = await call('/organizer/imports/preview', 'admin', { method: 'POST', body: JSON.stringify({ kind: 'kolada', csv: 'x'.repeat(5 * 1024 * 1024 + 10) }) });
    expect(tooLarge.status).toBe(413);
  });

  it('refuses unknown fields and kinds in the import body', async () => {
    const response = await call('/organizer/imports/preview', 'admin', { method: 'POST', body: JSON.stringify({ kind: 'excel', csv: 'a' }) });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'invalidBody', field: 'kind' });
  });

  it('serves the quality report as a .docx holding the units\' analyses', async () => {
    const response = await call('/organizer/report.docx?schoolYear=2025/26', 'admin');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers.get('content-disposition')).toContain('kvalitetsrapport-2025-26.docx');
    const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('Alléskolans orsaksanalys');
    expect(fixture.units.a.fields.name).toBe('Alléskolan');
  });
});
