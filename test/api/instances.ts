/**
 * Server instances side by side, as behind a load balancer: the first starts the lists emulator
 * (in memory, seeded), every other one shares it. Each has its own mirror and its own dev
 * identity provider (a persona's token from either is the same user). For the multi-instance
 * specs and the benchmark.
 */
import { createLogger } from '../../src/api/log';
import type { PersonaId } from '../../src/auth/personas';
import { loadConfig } from '../../src/config';
import type { RunningEmulator } from '../../src/emulator/index';
import { createServer, type KvalitetshjuletServer, type ServerOptions, type StartedServer } from '../../src/server';

export interface Instance {
  readonly server: KvalitetshjuletServer;
  readonly started: StartedServer;
  /** an API call as a persona, with this instance's own token */
  call(method: string, path: string, persona: PersonaId, options?: { body?: unknown; headers?: Record<string, string> }): Promise<Reply>;
}

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
}

const config = () => loadConfig({ PORT: '0', MODE: 'local', LOG_LEVEL: 'silent', DATA_DIR: '.data/test-unused' });
const quiet: ServerOptions = { log: createLogger({ level: 'silent' }), inMemory: true, botScheduler: false };

async function instance(server: KvalitetshjuletServer): Promise<Instance> {
  const started = await server.start();
  const idp = started.devIdp;
  if (!idp) throw new Error('local mode has a dev identity provider');
  const tokens = new Map<PersonaId, string>();
  return {
    server,
    started,
    async call(method, path, persona, options = {}) {
      const token = tokens.get(persona) ?? (await idp.issue(persona));
      tokens.set(persona, token);
      const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...options.headers };
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${started.url}${path}`, { method, headers, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    },
  };
}

/** The first instance: it starts the emulator and seeds the demo municipality. */
export async function firstInstance(options: ServerOptions = {}): Promise<Instance> {
  return instance(createServer(config(), { ...quiet, ...options }));
}

/** Another instance on the first one's emulator. */
export async function nextInstance(emulator: RunningEmulator, options: ServerOptions = {}): Promise<Instance> {
  return instance(createServer(config(), { ...quiet, seed: 'none', sharedEmulator: emulator, ...options }));
}
