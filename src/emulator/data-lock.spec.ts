import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockFileName, type LockHolder } from './data-lock';
import { DataFolderLockedError, startEmulator } from './index';
import { call, fieldsOf, kill, runCli, startCli, tasksList, task, useScratch } from './spec-helpers';

const scratch = useScratch('emulator-lock-');
const tempDir = scratch.dir;

const holderOf = (dir: string): LockHolder => JSON.parse(readFileSync(join(dir, lockFileName), 'utf8')) as LockHolder;

describe('emulator: the data folder lock', () => {
  it('refuses a second process on the same folder, naming the process that holds it and since when', async () => {
    const dataDir = tempDir();
    const emulator = await startEmulator({ dataDir, lists: [tasksList] });
    try {
      const created = await call(`${emulator.baseUrl}/sites/${emulator.siteId}/lists/Tasks/items`, { method: 'POST', body: { fields: task({ owner: 'first' }) } });
      expect(created.status).toBe(201);
      const journal = readFileSync(join(dataDir, 'journal.ndjson'));
      const holder = holderOf(dataDir);
      expect(holder).toMatchObject({ pid: process.pid, host: hostname() });

      const second = await runCli(dataDir);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(`process ${process.pid} on ${hostname()} holds it since ${holder.since}`);
      expect(second.stderr).toContain(dataDir);
      expect(second.stdout).not.toContain('lists emulator:');
      // the second process read and wrote nothing
      expect(readFileSync(join(dataDir, 'journal.ndjson')).equals(journal)).toBe(true);
      expect(holderOf(dataDir)).toEqual(holder);
      // and the first still serves
      expect((await call(`${emulator.baseUrl}/sites/${emulator.siteId}/lists/Tasks/items/${created.body['id'] as string}`)).status).toBe(200);
    } finally {
      await emulator.close();
    }
    expect(existsSync(join(dataDir, lockFileName))).toBe(false);
  });

  it('refuses to start beside another process, then takes over its lock once it was killed, saying so', async () => {
    const dataDir = tempDir();
    const { child, baseUrl, siteId } = await startCli(dataDir);
    scratch.keep(child);
    const list = await call(`${baseUrl}/sites/${siteId}/lists`, { method: 'POST', body: { displayName: 'Kept', columns: [{ name: 'owner', text: {} }] } });
    const item = await call(`${baseUrl}/sites/${siteId}/lists/Kept/items`, { method: 'POST', body: { fields: { Title: 't', owner: 'child' } } });
    expect([list.status, item.status]).toEqual([201, 201]);

    const refused = await startEmulator({ dataDir }).then(() => undefined, (error: unknown) => error);
    expect(refused).toBeInstanceOf(DataFolderLockedError);
    expect((refused as Error).message).toContain(`process ${String(child.pid)} on ${hostname()} holds it since`);

    await kill(child);
    const logged: string[] = [];
    const emulator = await startEmulator({ dataDir, log: (line) => logged.push(line) });
    try {
      expect(logged.join('\n')).toContain(`took over the lock on ${dataDir}: process ${String(child.pid)}`);
      expect(holderOf(dataDir).pid).toBe(process.pid);
      const reread = await call(`${emulator.baseUrl}/sites/${emulator.siteId}/lists/Kept/items/${item.body['id'] as string}?expand=fields`);
      expect(fieldsOf(reread)['owner']).toBe('child');
    } finally {
      await emulator.close();
    }
  });

  it('refuses a second emulator in the same process, and frees the folder on close', async () => {
    const dataDir = tempDir();
    const first = await startEmulator({ dataDir });
    await expect(startEmulator({ dataDir })).rejects.toThrow(`process ${process.pid} on ${hostname()} holds it`);
    await first.close();
    const logged: string[] = [];
    const second = await startEmulator({ dataDir, log: (line) => logged.push(line) });
    await second.close();
    expect(logged).toEqual([]); // released, not taken over
    expect(readdirSync(dataDir)).not.toContain(lockFileName);
  });

  it('refuses a lock held on another host, whose process it cannot check', async () => {
    const dataDir = tempDir();
    const other: LockHolder = { pid: 4242, host: 'skolserver-2', since: '2026-03-10T08:00:00.000Z', token: 'other' };
    writeFileSync(join(dataDir, lockFileName), JSON.stringify(other));
    await expect(startEmulator({ dataDir })).rejects.toThrow(/process 4242 on skolserver-2 holds it since 2026-03-10T08:00:00.000Z \(another host/);
    expect(holderOf(dataDir)).toEqual(other);
  });

  it('refuses a lock file it cannot read rather than guess', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, lockFileName), '');
    await expect(startEmulator({ dataDir })).rejects.toThrow(`remove ${join(dataDir, lockFileName)} and start again`);
  });
});
