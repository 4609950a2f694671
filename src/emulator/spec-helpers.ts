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
