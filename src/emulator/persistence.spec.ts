import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './index';
import { call, fieldsOf, tasksList, task } from './spec-helpers';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..');
const directories: string[] = [];
const children: ChildProcess[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-'));
  directories.push(dir);
  return dir;
}

/** Starts the CLI in its own process (node --import tsx, so SIGKILL hits the emulator itself). */
async function startChild(dataDir: string): Promise<{ child: ChildProcess; baseUrl: string; siteId: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'cli.ts'), '--data-dir', dataDir, '--port', '0'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`emulator did not start: ${output}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const baseUrl = /lists emulator: (\S+)/.exec(output)?.[1];
      const siteId = /site id: (\S+)/.exec(output)?.[1];
      if (baseUrl && siteId) {
        clearTimeout(timer);
        resolve({ child, baseUrl, siteId });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`emulator exited with ${String(code)}: ${output}`)));
  });
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

afterAll(async () => {
  for (const child of children) await kill(child);
  for (const dir of directories) rmSync(dir, { recursive: true, force: true });
});

interface Written {
  listId: string;
  kept: Map<string, { owner: string; etag: string }>;
  deleted: string;
  maxId: number;
}

/** Creates a list and writes to it through HTTP; returns what was acknowledged. */
async function writeThrough(baseUrl: string, siteId: string): Promise<Written> {
  const site = `${baseUrl}/sites/${siteId}`;
  const list = await call(`${site}/lists`, {
    method: 'POST',
    body: {
      displayName: 'Durable',
      columns: [{ name: 'clientKey', text: {}, indexed: true, enforceUniqueValues: true }, { name: 'owner', text: {} }],
      list: { template: 'genericList' },
    },
  });
  expect(list.status).toBe(201);
  const items = `${site}/lists/Durable/items`;
  const kept = new Map<string, { owner: string; etag: string }>();
  // sequential and concurrent writes: concurrent ones share an fsync
  for (let i = 0; i < 5; i++) {
    const reply = await call(items, { method: 'POST', body: { fields: { Title: `s${i}`, clientKey: `s${i}`, owner: `seq-${i}` } } });
    expect(reply.status).toBe(201);
    kept.set(reply.body['id'] as string, { owner: `seq-${i}`, etag: reply.body['eTag'] as string });
  }
  const concurrent = await Promise.all(
    Array.from({ length: 20 }, (_, i) => call(items, { method: 'POST', body: { fields: { Title: `c${i}`, clientKey: `c${i}`, owner: `con-${i}` } } })),
  );
  concurrent.forEach((reply, i) => {
    expect(reply.status).toBe(201);
    kept.set(reply.body['id'] as string, { owner: `con-${i}`, etag: reply.body['eTag'] as string });
  });
  const [patchId] = [...kept.keys()];
  const patched = await call(`${items}/${patchId as string}/fields`, { method: 'PATCH', body: { owner: 'patched' } });
  expect(patched.status).toBe(200);
  kept.set(patchId as string, { owner: 'patched', etag: patched.body['@odata.etag'] as string });
  // the newest item: a restart must not hand its id out again
  const deleted = [...kept.keys()].sort((a, b) => Number(b) - Number(a))[0] as string;
  expect((await call(`${items}/${deleted}`, { method: 'DELETE' })).status).toBe(204);
  kept.delete(deleted);
  return { listId: list.body['id'] as string, kept, deleted, maxId: Math.max(...[...kept.keys(), deleted].map(Number)) };
}

async function expectAllThere(emulator: RunningEmulator, written: Written): Promise<void> {
  const items = `${emulator.baseUrl}/sites/${emulator.siteId}/lists/${written.listId}/items`;
  for (const [id, expected] of written.kept) {
    const reply = await call(`${items}/${id}?expand=fields`);
    expect(reply.status).toBe(200);
    expect(fieldsOf(reply)['owner']).toBe(expected.owner);
    expect(reply.body['eTag']).toBe(expected.etag);
  }
  expect((await call(`${items}/${written.deleted}`)).status).toBe(404);
  const list = await call(`${emulator.baseUrl}/sites/${emulator.siteId}/lists/Durable?expand=columns`);
  const columns = (list.body['columns'] as { name: string; enforceUniqueValues: boolean }[]).filter((column) => column.name === 'clientKey');
  expect(columns[0]?.enforceUniqueValues).toBe(true);
  const created = await call(items, { method: 'POST', body: { fields: { Title: 'after', clientKey: 'after' } } });
  expect(Number(created.body['id'])).toBeGreaterThan(written.maxId);
}

describe('emulator: persistence', () => {
  it('keeps every acknowledged write when the process is killed with SIGKILL', async () => {
    const dataDir = tempDir();
    const { child, baseUrl, siteId } = await startChild(dataDir);
    const written = await writeThrough(baseUrl, siteId);
    await kill(child);

    const emulator = await startEmulator({ dataDir });
    try {
      await expectAllThere(emulator, written);
    } finally {
      await emulator.close();
    }
  });

  it('ignores a torn last journal line, and later writes land on a clean line', async () => {
    const dataDir = tempDir();
    const { child, baseUrl, siteId } = await startChild(dataDir);
    const written = await writeThrough(baseUrl, siteId);
    await kill(child);
    appendFileSync(join(dataDir, 'journal.ndjson'), '{"t":"item","list":"' + written.listId + '","item":{"id":9');

    const first = await startEmulator({ dataDir });
    const items = `${first.baseUrl}/sites/${first.siteId}/lists/Durable/items`;
    const extra = await call(items, { method: 'POST', body: { fields: { Title: 'x', clientKey: 'post-torn', owner: 'new' } } });
    expect(extra.status).toBe(201);
    await expectAllThere(first, written);
    // a second process dies without compacting: its journal must replay cleanly
    const journal = readFileSync(join(dataDir, 'journal.ndjson'), 'utf8');
    expect(journal.split('\n').filter(Boolean).every((line) => JSON.parse(line) !== undefined)).toBe(true);
    await first.close();

    const second = await startEmulator({ dataDir });
    try {
      const reread = await call(`${second.baseUrl}/sites/${second.siteId}/lists/Durable/items/${extra.body['id'] as string}?expand=fields`);
      expect(fieldsOf(reread)['owner']).toBe('new');
    } finally {
      await second.close();
    }
  });

  it('ignores a journal older than the snapshot (a compaction interrupted before it emptied the journal)', async () => {
    const dataDir = tempDir();
    const first = await startEmulator({ dataDir, lists: [tasksList] });
    const items = `${first.baseUrl}/sites/${first.siteId}/lists/Tasks/items`;
    const created = await call(items, { method: 'POST', body: { fields: task({ owner: 'kept' }) } });
    const staleJournal = readFileSync(join(dataDir, 'journal.ndjson'), 'utf8');
    await call(`${items}/${created.body['id'] as string}`, { method: 'DELETE' });
    await first.close();
    // put back the journal as it was before the delete, as if the truncate after compaction never happened
    writeFileSync(join(dataDir, 'journal.ndjson'), staleJournal);

    const second = await startEmulator({ dataDir });
    try {
      expect((await call(`${second.baseUrl}/sites/${second.siteId}/lists/Tasks/items/${created.body['id'] as string}`)).status).toBe(404);
    } finally {
      await second.close();
    }
  });
});
