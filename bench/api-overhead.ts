/**
 * Issue target: the server's own overhead per API call, the time beyond the emulator's, at most
 * 5 ms p50. Each sample is one `GET /api/actions/:id` through the whole server (token validation,
 * policy, service, JSON) minus the same store read made directly against the emulator, taken in
 * pairs. The baseline is the same server reading the Units list on every request (no membership
 * cache), measured in the same run, its calls interleaved with ours so both see the same load.
 */
import { createLogger } from '../src/api/log';
import { loadConfig } from '../src/config';
import { createServer, type KvalitetshjuletServer } from '../src/server';
import { benchLine, percentile, time } from './measure';

const calls = 1_000;
const warmup = 50;
const targetMs = 5;

interface Subject {
  readonly server: KvalitetshjuletServer;
  /** one overhead sample: API call time minus the direct store read */
  sample(): Promise<number>;
}

async function subject(unitCacheMilliseconds: number | undefined): Promise<Subject> {
  const config = loadConfig({ PORT: '0', MODE: 'local', LOG_LEVEL: 'silent' });
  const server = createServer(config, {
    inMemory: true,
    botScheduler: false,
    bot: false,
    log: createLogger({ level: 'silent' }),
    ...(unitCacheMilliseconds !== undefined ? { unitCacheMilliseconds } : {}),
  });
  const started = await server.start();
  const idp = started.devIdp;
  if (!idp) throw new Error('local mode has a dev identity provider');
  const token = await idp.issue('principal-bjork');
  const action = (await started.store.query('actions', { top: 1 })).items[0];
  if (!action) throw new Error('the demo seed has actions');
  const url = `${started.url}/api/actions/${action.id}`;
  const headers = { authorization: `Bearer ${token}` };
  const viaApi = async (): Promise<void> => {
    const response = await fetch(url, { headers });
    if (response.status !== 200) throw new Error(`GET ${url}: ${response.status}`);
    await response.arrayBuffer();
  };
  const direct = async (): Promise<void> => {
    await started.store.get('actions', action.id);
  };
  return {
    server,
    async sample() {
      const api = await time(viaApi);
      const store = await time(direct);
      return Math.max(0, api.ms - store.ms);
    },
  };
}

export async function run(): Promise<string[]> {
  const ours = await subject(undefined);
  const naive = await subject(0);
  try {
    for (let i = 0; i < warmup; i++) {
      await ours.sample();
      await naive.sample();
    }
    const oursMs: number[] = [];
    const naiveMs: number[] = [];
    for (let i = 0; i < calls; i++) {
      oursMs.push(await ours.sample());
      naiveMs.push(await naive.sample());
    }
    const p50 = percentile(oursMs, 50);
    const p95 = percentile(oursMs, 95);
    const baseline = 'Units read per request';
    return [
      benchLine('api overhead p50 (GET /api/actions/:id, 1000 calls)', p50, 'ms', percentile(naiveMs, 50) / p50, baseline),
      benchLine('api overhead p95 (GET /api/actions/:id, 1000 calls)', p95, 'ms', percentile(naiveMs, 95) / p95, baseline),
      benchLine('api overhead p50 against the target', p50, 'ms', targetMs / p50, `${targetMs} ms target`),
    ];
  } finally {
    await ours.server.stop();
    await naive.server.stop();
  }
}
