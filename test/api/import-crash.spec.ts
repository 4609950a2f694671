/**
 * A result import survives kill -9: a server (a child process) runs an import's job on the
 * shared lists emulator and is killed with SIGKILL part way; a second server, started after,
 * resumes the job from its checkpoint once the lease has run out. Every row is stored once: none
 * lost, none twice (the chunk under way at the kill is written again, and its creates find the
 * items already there by their client keys).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator';
import { allLists, lists, type Entities } from '../../src/lists/lists';
import { importPayloadOf } from '../../src/services/import/import-job';
import { importClientKey } from '../../src/services/import/import-service';
import { createGraphStore, type GraphStore } from '../../src/store/graph-store';

const childScript = path.resolve(import.meta.dirname, 'import-child.ts');
const CHUNK_ROWS = 40;

interface Child {
  readonly proc: ChildProcess;
  readonly url: Promise<string>;
  readonly exited: Promise<number | null>;
}

function runServer(config: Record<string, unknown>): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', childScript, JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stderr?.resume();
  const url = new Promise<string>((resolve, reject) => {
    let buffer = '';
    proc.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n')[0];
      if (buffer.includes('\n') && line) resolve((JSON.parse(line) as { url: string }).url);
    });
    proc.on('exit', (code) => reject(new Error(`the server exited with ${String(code)} before it was ready`)));
  });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, url, exited };
}

async function until<T>(check: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (let poll = 0; poll < 10_000; poll++) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function adminToken(url: string): Promise<string> {
  const response = await fetch(`${url}/dev-idp/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ persona: 'admin' }) });
  return ((await response.json()) as { access_token: string }).access_token;
}

describe('a result import, its server killed with SIGKILL mid-job', () => {
  let emulator: RunningEmulator;
  let store: GraphStore<Entities>;
  const children: Child[] = [];
  const config = (seed: 'demo' | 'none') => ({ emulator: { baseUrl: emulator.baseUrl, siteId: emulator.siteId }, seed, leaseMs: 3_000, chunkRows: CHUNK_ROWS, importUnitsPerMinute: 1_000_000_000 });

  beforeAll(async () => {
    // a little latency per request, so that the job takes long enough to be killed part way
    emulator = await startEmulator({ lists: allLists, host: '127.0.0.1', faults: { latencyMs: 15 } });
    store = createGraphStore<Entities>({ baseUrl: emulator.baseUrl, siteId: emulator.siteId, lists, throttle: { resourceUnitsPerMinute: 1_000_000_000 } });
  });
  afterAll(async () => {
    for (const child of children) child.proc.kill('SIGKILL');
    await Promise.all(children.map((child) => child.exited));
    await emulator?.close();
  });

  it('is resumed by the next server from its checkpoint: 0 lost, 0 duplicated', { timeout: 120_000 }, async () => {
    const first = runServer(config('demo'));
    children.push(first);
    const firstUrl = await first.url;

    // three of the demo's indicators get a Kolada KPI; a file of them for the units they apply to, over years no one has results for
    const units = (await store.queryAll('units')).filter((unit) => !unit.fields.archivedAt);
    const indicators = (await store.queryAll('indicators')).filter((indicator) => !indicator.fields.archivedOn).slice(0, 3);
    expect(indicators).toHaveLength(3);
    for (const [index, indicator] of indicators.entries()) {
      await store.update('indicators', indicator.id, { koladaKpi: `N9900${index}` }, { actor: 'test', etag: indicator.etag });
    }
    const lines = ['kpi;ou;period;value'];
    for (let year = 2041; lines.length <= 20 * CHUNK_ROWS && year < 2240; year++) {
      for (const indicator of indicators) {
        for (const unit of units.filter((u) => !indicator.fields.unitTypes || indicator.fields.unitTypes.includes(u.fields.type))) lines.push(`N9900${indicators.indexOf(indicator)};${unit.fields.schoolUnitCode};${year};${(year % 50) + 40}`);
      }
    }
    const body = JSON.stringify({ kind: 'kolada', csv: lines.join('\n') });
    const headers = { authorization: `Bearer ${await adminToken(firstUrl)}`, 'content-type': 'application/json' };
    const preview = (await (await fetch(`${firstUrl}/api/organizer/imports/preview`, { method: 'POST', headers, body })).json()) as { summary: { create: number; errors: number } };
    expect(preview.summary.errors).toBe(0);
    const rows = preview.summary.create;
    expect(rows).toBe(lines.length - 1);
    const committed = await fetch(`${firstUrl}/api/organizer/imports`, { method: 'POST', headers, body });
    expect(committed.status).toBe(202);
    const { id } = (await committed.json()) as { id: string };

    // kill -9 once a few chunks are checkpointed, while the job is under way
    const atKill = await until(async () => {
      const payload = importPayloadOf(await store.get('jobs', id));
      return payload && payload.checkpoint >= 3 ? payload : undefined;
    }, 60_000, 'three checkpoints');
    first.proc.kill('SIGKILL');
    expect(await first.exited).toBe(null);
    const killed = await store.get('jobs', id);
    const checkpointAtKill = importPayloadOf(killed)?.checkpoint ?? 0;
    expect(killed.fields.status).toBe('pending');
    expect(checkpointAtKill).toBeLessThan(atKill.chunks.length);

    const second = runServer(config('none'));
    children.push(second);
    const secondUrl = await second.url;
    const secondHeaders = { authorization: `Bearer ${await adminToken(secondUrl)}` };
    const done = await until(async () => {
      const job = (await (await fetch(`${secondUrl}/api/organizer/imports/${id}`, { headers: secondHeaders })).json()) as { state: string; written: number; created: number; startedAt?: string };
      return job.state === 'done' || job.state === 'failed' ? job : undefined;
    }, 90_000, 'the resumed job');
    expect(done).toMatchObject({ state: 'done', written: rows, created: rows, startedAt: atKill.startedAt });
    const resumed = await store.get('jobs', id);
    expect(resumed.fields.attempts).toBe(2);
    expect(resumed.fields.leasedBy).not.toBe(killed.fields.leasedBy);

    const imported = (await store.queryAll('measurements')).filter((m) => Number(m.fields.period.slice(0, 4)) >= 2040);
    const keys = imported.map((m) => importClientKey(m.fields));
    const expected = new Set(lines.slice(1).map((line) => line.split(';').slice(0, 3).join(';')));
    expect(expected.size).toBe(rows);
    expect(new Set(keys).size).toBe(rows); // 0 lost
    expect(keys).toHaveLength(rows); // 0 duplicated
    process.stdout.write(`import after kill -9: ${rows} rows, killed at chunk ${checkpointAtKill} of ${atKill.chunks.length}, resumed there by the next server: ${keys.length - new Set(keys).size} duplicates, ${rows - new Set(keys).size} lost\n`);
  });
});
