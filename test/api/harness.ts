/**
 * A real server on port 0 in local mode: the lists emulator in memory, seeded once, the dev
 * identity provider for tokens. One per spec file (start in beforeAll, stop in afterAll).
 */
import { createLogger } from '../../src/api/log';
import { loadConfig } from '../../src/config';
import { createServer, type KvalitetshjuletServer, type StartedServer } from '../../src/server';
import type { PersonaId } from '../../src/auth/personas';
import type { SchoolUnitRegister } from '../../src/register/register';

export interface Harness {
  readonly server: KvalitetshjuletServer;
  readonly started: StartedServer;
  readonly url: string;
  /** every log line the server wrote */
  readonly logLines: string[];
  /** a real token from the dev identity provider's HTTP token endpoint */
  token(persona: PersonaId): Promise<string>;
  request(method: string, path: string, options?: RequestOptions): Promise<TestResponse>;
  /** the id of a seeded unit by its name */
  unitId(name: string): Promise<string>;
}

export interface RequestOptions {
  readonly persona?: PersonaId;
  /** the whole Authorization header (overrides persona) */
  readonly authorization?: string;
  readonly body?: unknown;
  /** sent as is */
  readonly rawBody?: string;
  readonly headers?: Record<string, string>;
}

export interface TestResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
  readonly text: string;
}

export interface HarnessOptions {
  readonly tabDir?: string;
  /** more of the environment the configuration reads (SEED=none starts empty) */
  readonly env?: Readonly<Record<string, string>>;
  /** Skolverket's school-unit register, as the server is given it */
  readonly schoolUnitRegister?: SchoolUnitRegister;
  /** where the bot's outgoing calls go (a fake Bot Connector); with it the bot's scheduler runs */
  readonly botConnectorUrl?: string;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const logLines: string[] = [];
  const config = loadConfig({ PORT: '0', MODE: 'local', LOG_LEVEL: 'debug', DATA_DIR: '.data/test-unused', ...options.env });
  const server = createServer(config, {
    inMemory: true,
    botScheduler: options.botConnectorUrl !== undefined,
    ...(options.botConnectorUrl ? { botConnectorUrl: options.botConnectorUrl } : {}),
    ...(options.tabDir ? { tabDir: options.tabDir } : {}),
    ...(options.schoolUnitRegister ? { schoolUnitRegister: options.schoolUnitRegister } : {}),
    log: createLogger({ level: 'debug', sink: (line) => logLines.push(line) }),
  });
  const started = await server.start();
  const tokens = new Map<string, string>();

  async function token(persona: PersonaId): Promise<string> {
    const cached = tokens.get(persona);
    if (cached) return cached;
    const response = await fetch(`${started.url}/dev-idp/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ persona }),
    });
    const body = (await response.json()) as { access_token: string };
    tokens.set(persona, body.access_token);
    return body.access_token;
  }

  async function request(method: string, path: string, options: RequestOptions = {}): Promise<TestResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.authorization !== undefined) headers['authorization'] = options.authorization;
    else if (options.persona) headers['authorization'] = `Bearer ${await token(options.persona)}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${started.url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await response.text();
    let parsed: Record<string, unknown> = {};
    try {
      parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      parsed = {};
    }
    return { status: response.status, headers: response.headers, body: parsed, text };
  }

  async function unitId(name: string): Promise<string> {
    const units = await started.store.queryAll('units');
    const unit = units.find((candidate) => candidate.fields.name === name);
    if (!unit) throw new Error(`no seeded unit ${name}`);
    return unit.id;
  }

  return { server, started, url: started.url, logLines, token, request, unitId };
}

/** The seeded units the specs use. */
export const BJORKSKOLAN = 'Björkskolan F–6';
export const LINDGYMNASIET = 'Lindgymnasiet';
export const EKBACKEN = 'Ekbackens förskola';

/**
 * Follows an import's job (`GET` at the commit's Location) until it is done or failed: the
 * answer of the last GET. Bounded: 600 polls of 50 ms.
 */
export async function importEnded(h: Pick<Harness, 'request'>, queued: TestResponse, persona: PersonaId = 'admin'): Promise<TestResponse> {
  const location = queued.headers.get('location') ?? '';
  let job = queued;
  for (let poll = 0; poll < 600 && (job.body['state'] === 'queued' || job.body['state'] === 'running'); poll++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    job = await h.request('GET', location, { persona });
  }
  return job;
}

/** Commits an import and follows its job to its end; a commit that is refused answers its problem at once. */
export async function committedImport(h: Pick<Harness, 'request'>, body: unknown, persona: PersonaId = 'admin'): Promise<TestResponse> {
  const queued = await h.request('POST', '/api/organizer/imports', { persona, body });
  return queued.status === 202 ? importEnded(h, queued, persona) : queued;
}
