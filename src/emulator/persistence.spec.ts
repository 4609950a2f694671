import { appendFileSync, copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CorruptDataError, startEmulator, type RunningEmulator } from './index';
import { readJournal } from './journal-format';
import type { Snapshot } from './model';
import { Persistence } from './persistence';
import { call, fieldsOf, kill, runCli, startCli, tasksList, task, useScratch } from './spec-helpers';

const scratch = useScratch('emulator-');
const tempDir = scratch.dir;
const startChild = async (dataDir: string) => {
  const started = await startCli(dataDir);
  scratch.keep(started.child);
  return started;
};

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
    appendFileSync(join(dataDir, 'journal.ndjson'), '0badc0de {"t":"item","list":"' + written.listId + '","item":{"id":9');

    const logged: string[] = [];
    const first = await startEmulator({ dataDir, log: (line) => logged.push(line) });
    expect(logged.join('\n')).toMatch(/dropped the torn last line of .*journal\.ndjson \(line \d+, \d+ bytes\)/);
    const items = `${first.baseUrl}/sites/${first.siteId}/lists/Durable/items`;
    const extra = await call(items, { method: 'POST', body: { fields: { Title: 'x', clientKey: 'post-torn', owner: 'new' } } });
    expect(extra.status).toBe(201);
    await expectAllThere(first, written);
    // a second process dies without compacting: its journal must replay cleanly, every line checking out
    const journal = readJournal(readFileSync(join(dataDir, 'journal.ndjson')), 'journal.ndjson');
    expect(journal).toMatchObject({ format: 'checksummed' });
    expect(journal.torn).toBeUndefined();
    expect(journal.entries.length).toBeGreaterThan(written.kept.size);
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

/** A real journal: writes acknowledged by an emulator killed with SIGKILL (so nothing was compacted). */
async function realJournal(): Promise<{ dataDir: string; written: Written }> {
  const dataDir = tempDir();
  const { child, baseUrl, siteId } = await startChild(dataDir);
  const written = await writeThrough(baseUrl, siteId);
  await kill(child);
  return { dataDir, written };
}

/** The source's journal copied into a new folder with one line changed by `change`; the line is an item's. */
function damagedCopy(source: string, change: (line: string) => string): { dataDir: string; file: string; line: number; bytes: Buffer } {
  const lines = readFileSync(join(source, 'journal.ndjson'), 'utf8').split('\n');
  const index = Math.floor(lines.length / 2);
  const original = lines[index] ?? '';
  expect(original).toContain('"t":"item"');
  const changed = change(original);
  expect(changed).not.toBe(original);
  expect(Buffer.byteLength(changed)).toBe(Buffer.byteLength(original)); // one byte overwritten, nothing moved
  lines[index] = changed;
  const dataDir = tempDir();
  const file = join(dataDir, 'journal.ndjson');
  writeFileSync(file, lines.join('\n'));
  return { dataDir, file, line: index + 1, bytes: readFileSync(file) };
}

async function refusal(dataDir: string): Promise<CorruptDataError> {
  const error = await startEmulator({ dataDir }).then(
    async (emulator) => {
      await emulator.close();
      return undefined;
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CorruptDataError);
  return error as CorruptDataError;
}

describe('emulator: a damaged journal', () => {
  let source: { dataDir: string; written: Written };
  beforeAll(async () => {
    source = await realJournal();
    expect(readJournal(readFileSync(join(source.dataDir, 'journal.ndjson')), 'journal.ndjson').entries.length).toBeGreaterThan(20);
  }, 30_000);

  it.each([
    ['breaks its JSON', (line: string) => line.replace('"t":"item"', '"t";"item"'), /checksum does not match/],
    ['keeps it valid JSON', (line: string) => line.replace(/("owner":"[a-z]+-)(\d)/, (_m, head: string, digit: string) => `${head}${(Number(digit) + 1) % 10}`), /checksum does not match/],
    ['drops its checksum', (line: string) => `{${line.slice(1)}`, /checksum/],
  ])('refuses to start when a byte mid-file %s, naming file and line, and changes nothing', async (_name, change, problem) => {
    const damaged = damagedCopy(source.dataDir, change);
    const error = await refusal(damaged.dataDir);
    expect(error.message).toContain(`${damaged.file}, line ${damaged.line}`);
    expect(error.message).toMatch(problem);
    expect(error.message).toContain(`head -n ${damaged.line - 1} journal.ndjson`);
    expect(error.message).toContain(`move ${damaged.dataDir} aside`);
    expect(error).toMatchObject({ file: damaged.file, line: damaged.line });
    // untouched: not truncated, not compacted, no snapshot written, no lock left behind
    expect(readFileSync(damaged.file).equals(damaged.bytes)).toBe(true);
    expect(readdirSync(damaged.dataDir)).toEqual(['journal.ndjson']);
  });

  it('refuses the same way as a separate process: exit code 1 and the message on stderr', async () => {
    const damaged = damagedCopy(source.dataDir, (line) => line.replace('"t":"item"', '"t":"itex"'));
    const run = await runCli(damaged.dataDir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${damaged.file}, line ${damaged.line}`);
    expect(run.stdout).not.toContain('lists emulator:');
    expect(readFileSync(damaged.file).equals(damaged.bytes)).toBe(true);
  });

  it('starts with the writes before the damage after the recovery the message gives (keep the lines before it)', async () => {
    const damaged = damagedCopy(source.dataDir, (line) => line.replace('"t":"item"', '"t";"item"'));
    writeFileSync(damaged.file, readFileSync(damaged.file, 'utf8').split('\n').slice(0, damaged.line - 1).map((line) => `${line}\n`).join(''));
    const emulator = await startEmulator({ dataDir: damaged.dataDir });
    try {
      const items = `${emulator.baseUrl}/sites/${emulator.siteId}/lists/Durable/items?top=100`;
      const kept = (await call(items)).body['value'] as unknown[];
      expect(kept.length).toBe(damaged.line - 3); // the lines before it: the header, the list, then one item each
    } finally {
      await emulator.close();
    }
  });

  it('reads a journal written before line checksums, then rewrites it into a snapshot and keeps the old one', async () => {
    const dataDir = tempDir();
    const plain = readFileSync(join(source.dataDir, 'journal.ndjson'), 'utf8').split('\n').map((line) => line.slice(9)).join('\n');
    writeFileSync(join(dataDir, 'journal.ndjson'), plain);
    const logged: string[] = [];
    const first = await startEmulator({ dataDir, log: (line) => logged.push(line) });
    try {
      expect(logged.join('\n')).toMatch(/rewrote .*journal\.ndjson \(lines without checksums\)/);
      expect(readFileSync(join(dataDir, 'journal.ndjson.prev'), 'utf8')).toBe(plain);
      expect(readJournal(readFileSync(join(dataDir, 'journal.ndjson')), 'journal.ndjson')).toMatchObject({ format: 'checksummed', entries: [{ t: 'gen', gen: 1 }] });
      await expectAllThere(first, source.written);
    } finally {
      await first.close();
    }
    const second = await startEmulator({ dataDir });
    await second.close();
  });

  it('still finds a damaged line in a journal without checksums when it breaks the JSON', async () => {
    const dataDir = tempDir();
    const lines = readFileSync(join(source.dataDir, 'journal.ndjson'), 'utf8').split('\n').map((line) => line.slice(9));
    lines[10] = (lines[10] ?? '').replace('"t":"item"', '"t";"item"');
    const file = join(dataDir, 'journal.ndjson');
    writeFileSync(file, lines.join('\n'));
    const error = await refusal(dataDir);
    expect(error.message).toContain(`${file}, line 11: it is not valid JSON`);
  });
});

describe('emulator: compaction keeps what it replaces', () => {
  it('keeps the previous snapshot and journal, from which a damaged snapshot is recovered', async () => {
    const dataDir = tempDir();
    const first = await startEmulator({ dataDir, lists: [tasksList] });
    const a = await call(`${first.baseUrl}/sites/${first.siteId}/lists/Tasks/items`, { method: 'POST', body: { fields: task({ owner: 'a' }) } });
    await first.close(); // compacts: snapshot with a
    const second = await startEmulator({ dataDir });
    const b = await call(`${second.baseUrl}/sites/${second.siteId}/lists/Tasks/items`, { method: 'POST', body: { fields: task({ owner: 'b' }) } });
    await second.close(); // compacts again: the first snapshot and the journal with b become *.prev
    expect(existsSync(join(dataDir, 'snapshot.json.prev'))).toBe(true);
    expect(readFileSync(join(dataDir, 'journal.ndjson.prev'), 'utf8')).toContain('"owner":"b"');

    writeFileSync(join(dataDir, 'snapshot.json'), '{"version":1,"lists":[{"meta":');
    const error = await refusal(dataDir);
    expect(error.message).toContain(`${join(dataDir, 'snapshot.json')}: it is not valid JSON`);
    expect(error.message).toContain('restore snapshot.json.prev and journal.ndjson.prev');

    copyFileSync(join(dataDir, 'snapshot.json.prev'), join(dataDir, 'snapshot.json'));
    copyFileSync(join(dataDir, 'journal.ndjson.prev'), join(dataDir, 'journal.ndjson'));
    const third = await startEmulator({ dataDir });
    try {
      const items = `${third.baseUrl}/sites/${third.siteId}/lists/Tasks/items`;
      for (const [created, owner] of [[a, 'a'], [b, 'b']] as const) {
        expect(fieldsOf(await call(`${items}/${created.body['id'] as string}?expand=fields`))['owner']).toBe(owner);
      }
    } finally {
      await third.close();
    }
  });
});

describe('emulator: compaction in proportion to what is written', () => {
  const lines = (dataDir: string): number => readFileSync(join(dataDir, 'journal.ndjson'), 'utf8').split('\n').filter(Boolean).length;
  const deletes = (from: number, count: number) => Array.from({ length: count }, (_, n) => ({ t: 'delete' as const, list: 'l', id: from + n, seq: from + n }));

  it('compacts after the records it was told, and not again before the journal is as large as the snapshot', async () => {
    const dataDir = tempDir();
    const persistence = new Persistence({ dataDir, compactAfter: 5 });
    persistence.load();
    // a large state: each compaction rewrites it whole
    const state = { version: 1, lists: [], padding: 'x'.repeat(50_000) } as Snapshot;
    await persistence.open(() => state);
    await persistence.append(deletes(0, 5));
    expect(lines(dataDir)).toBe(1); // compacted: a new journal with its generation line only
    await persistence.append(deletes(5, 50));
    expect(lines(dataDir)).toBe(51); // 50 records, far fewer bytes than the snapshot: no compaction
    let written = 55;
    while (lines(dataDir) > 1 && written < 5_000) {
      await persistence.append(deletes(written, 50));
      written += 50;
    }
    expect(lines(dataDir)).toBe(1);
    // compacted once the journal had grown to the snapshot's size: some 50 kB of short records
    expect(written).toBeGreaterThan(500);
    await persistence.close();
  });
});
