/**
 * Issue target: the server's own overhead per API call, the time beyond the emulator's, at most
 * 5 ms p50. Each sample is one `GET /api/actions/:id` through the whole server (token validation,
 * policy, service, JSON) minus the same store read made directly against the emulator, taken in
 * pairs. The baseline is the same server reading the Units list on every request (no membership
 * cache), measured in the same run.
 */
import { createLogger } from '../src/api/log';
import { loadConfig } from '../src/config';
import { createServer } from '../src/server';
import { benchLine, percentile, time } from './measure';

const calls = 1_000;
const warmup = 50;
const targetMs = 5;

async function overheads(unitCacheMilliseconds: number | undefined): Promise<number[]> {
  const config = loadConfig({ PORT: '0', MODE: 'local', LOG_LEVEL: 'silent' });
  const server = createServer(config, {
    inMemory: true,
    botScheduler: false,
    bot: false,
    log: createLogger({ level: 'silent' }),
    ...(unitCacheMilliseconds !== undefined ? { unitCacheMilliseconds } : {}),
  });
  const started = await server.start();
  try {
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
    for (let i = 0; i < warmup; i++) {
      await viaApi();
      await direct();
    }
    const samples: number[] = [];
    for (let i = 0; i < calls; i++) {
      const api = await time(viaApi);
      const store = await time(direct);
      samples.push(Math.max(0, api.ms - store.ms));
    }
    return samples;
  } finally {
    await server.stop();
  }
}

export async function run(): Promise<string[]> {
  const ours = await overheads(undefined);
  const naive = await overheads(0);
  const p50 = percentile(ours, 50);
  const p95 = percentile(ours, 95);
  const naive50 = percentile(naive, 50);
  const naive95 = percentile(naive, 95);
  const baseline = 'Units read per request';
  return [
    benchLine('api overhead p50 (GET /api/actions/:id, 1000 calls)', p50, 'ms', naive50 / p50, baseline),
    benchLine('api overhead p95 (GET /api/actions/:id, 1000 calls)', p95, 'ms', naive95 / p95, baseline),
    benchLine('api overhead p50 against the target', p50, 'ms', targetMs / p50, `${targetMs} ms target`),
  ];
}
