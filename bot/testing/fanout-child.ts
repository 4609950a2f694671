/**
 * A bot instance in its own process, for the crash tests: the Graph store over the lists
 * emulator, and the bot endpoint sending to the parent's fake connector.
 * - `emulator`: only the lists emulator with the lists (in memory), shared by the instances of a
 *   test; prints its base URL and site id, and runs until killed;
 * - `start`: seeds, receives a meetingEnd and starts sending (the parent SIGKILLs it midway);
 * - `resume`: sends whatever is left, then prints a summary (and with `records`, every
 *   outbound job's delivery record before it).
 * `start` and `resume` run their own emulator persisting to `dataDir`, or use `emulator`.
 */
import { startEmulator } from '../../src/emulator/index';
import { allLists, lists, mirroredLists, type Entities } from '../../src/lists/lists';
import { createGraphStore } from '../../src/store/graph-store';
import { createMirror } from '../../src/store/mirror';
import { createBotEndpoint } from '../index';
import { meetingEndActivity, seed } from './fixtures';

interface ChildConfig {
  phase: 'emulator' | 'start' | 'resume';
  dataDir?: string;
  emulator?: { baseUrl: string; siteId: string };
  connectorUrl: string;
  leaseMs: number;
  appLimitPerSecond: number;
  records?: boolean;
}

const config = JSON.parse(process.argv[2] ?? '{}') as ChildConfig;
const say = (line: unknown): void => void process.stdout.write(`${JSON.stringify(line)}\n`);

const shared = config.phase === 'emulator' ? undefined : config.emulator;
// a shared emulator is the parent's to stop
const emulator = shared
  ? { ...shared, close: async () => {} }
  : await startEmulator({ ...(config.dataDir ? { dataDir: config.dataDir } : {}), lists: allLists });
if (config.phase === 'emulator') {
  say({ emulator: { baseUrl: emulator.baseUrl, siteId: emulator.siteId } });
} else {
  // SharePoint's resource-unit budget is not what this test is about
  const graph = createGraphStore<Entities>({ baseUrl: emulator.baseUrl, siteId: emulator.siteId, lists, throttle: { resourceUnitsPerMinute: 1_000_000 } });
  const mirror = createMirror(graph, graph, { lists: mirroredLists });
  const store = mirror.store;
  const bot = createBotEndpoint({
    store,
    readModel: mirror.readModel,
    mode: 'local',
    connectorBaseUrl: config.connectorUrl,
    leaseMs: config.leaseMs,
    instanceId: `child-${config.phase}-${process.pid}`,
    schedulerIntervalMs: 100,
    rateLimits: { app: [{ limit: config.appLimitPerSecond, ms: 1_000 }] },
    log: (m) => process.stderr.write(`${m}\n`),
  });

  if (config.phase === 'start') {
    await seed(store);
    await mirror.start();
    let status = 0;
    const res = { status(code: number) { status = code; return res; }, json: () => undefined, end: () => undefined };
    await bot.handle({ method: 'POST', headers: {}, body: meetingEndActivity({ serviceUrl: config.connectorUrl, id: 'meeting-end-1' }) }, res);
    say({ queued: true, status });
    bot.scheduler.start();
    // the scheduler's timer does not hold the process: this runs until the parent kills it
    setInterval(() => undefined, 60_000);
  } else {
    const deadline = Date.now() + 45_000;
    let pending = Infinity;
    while (Date.now() < deadline) {
      await bot.outbox.drainAll();
      const jobs = await store.queryAll('jobs', { filter: [{ field: 'status', op: 'eq', value: 'pending' }] });
      pending = jobs.filter((j) => j.fields.kind === 'outbound').length;
      if (pending === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const done = (await store.queryAll('jobs', { filter: [{ field: 'status', op: 'eq', value: 'done' }] })).filter((j) => j.fields.kind === 'outbound');
    if (config.records) say({ records: done.map((j) => ({ key: j.fields.key, unconfirmed: j.fields.payload['unconfirmed'], delivery: j.fields.payload['delivery'] })) });
    say({ pending, done: done.length });
    await bot.close();
    await emulator.close();
    process.exit(0);
  }
}
