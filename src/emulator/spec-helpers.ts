import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import type { ListDefinition } from '../lists/definition';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from './index';

/** A tiny fetch wrapper for the emulator specs: JSON in, status, headers and JSON out. */
export interface Reply {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

export async function call(url: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Reply> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...init.headers },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** The fields of a reply's item (`body.fields`). */
export const fieldsOf = (reply: Reply): Record<string, unknown> => reply.body['fields'] as Record<string, unknown>;

export const errorOf = (reply: Reply): { code: string; message: string; innerError: Record<string, string> } =>
  reply.body['error'] as { code: string; message: string; innerError: Record<string, string> };

/** A small list with one column of each type. */
export const tasksList: ListDefinition = {
  key: 'tasks',
  displayName: 'Tasks',
  description: 'test list',
  titleFrom: 'title',
  columns: [
    { name: 'clientKey', type: 'text', indexed: true, unique: true, required: true },
    { name: 'unit', type: 'text', indexed: true },
    { name: 'note', type: 'note' },
    { name: 'score', type: 'number', indexed: true },
    { name: 'done', type: 'boolean' },
    { name: 'due', type: 'date', indexed: true },
    { name: 'status', type: 'choice', choices: ['open', 'closed'], indexed: true },
    { name: 'owner', type: 'text' },
  ],
};

export interface Started {
  emulator: RunningEmulator;
  /** `${baseUrl}/sites/${siteId}/lists/Tasks/items` */
  items: string;
  site: string;
}

export async function startWithTasks(options: EmulatorOptions = {}): Promise<Started> {
  const emulator = await startEmulator({ lists: [tasksList], ...options });
  const site = `${emulator.baseUrl}/sites/${emulator.siteId}`;
  return { emulator, site, items: `${site}/lists/Tasks/items` };
}

let counter = 0;
/** Fields for a valid new task; `clientKey` is unique per call. */
export function task(extra: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return { Title: `Task ${counter}`, clientKey: `key-${counter}-${Math.random().toString(36).slice(2)}`, ...extra };
}

const here = dirname(fileURLToPath(import.meta.url));
const cliArgs = (dataDir: string): string[] => ['--import', 'tsx', join(here, 'cli.ts'), '--data-dir', dataDir, '--port', '0'];
const spawnCli = (dataDir: string): ChildProcess =>
  spawn(process.execPath, cliArgs(dataDir), { cwd: join(here, '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] });

/** Starts the CLI in its own process (node --import tsx, so SIGKILL hits the emulator itself). */
export async function startCli(dataDir: string): Promise<{ child: ChildProcess; baseUrl: string; siteId: string }> {
  const child = spawnCli(dataDir);
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

/** Runs the CLI on `dataDir` until it exits (within 20 s, else it is killed and this rejects). */
export async function runCli(dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnCli(dataDir);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the emulator did not exit within 20 s: ${stdout}${stderr}`));
    }, 20_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** Temporary folders and child processes for one spec file: killed and removed after it. */
export function useScratch(prefix: string): { dir(): string; keep(child: ChildProcess): ChildProcess } {
  const directories: string[] = [];
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const child of children) await kill(child);
    for (const dir of directories) rmSync(dir, { recursive: true, force: true });
  });
  return {
    dir: () => {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      directories.push(dir);
      return dir;
    },
    keep: (child) => {
      children.push(child);
      return child;
    },
  };
}
