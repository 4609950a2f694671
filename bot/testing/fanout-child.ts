/**
 * A bot instance in its own process, for the crash test: the lists emulator persisting to a data
 * directory, the Graph store over it, and the bot endpoint sending to the parent's fake connector.
 * `start` seeds, receives a meetingEnd and starts sending (the parent SIGKILLs it midway);
 * `resume` restarts on the same data and sends whatever is left, then prints a summary.
 */
import { startEmulator } from '../../src/emulator/index';
import { allLists, lists, type Entities } from '../../src/lists/lists';
import { createGraphStore } from '../../src/store/graph-store';
import { createBotEndpoint } from '../index';
import { meetingEndActivity, seed } from './fixtures';

interface ChildConfig {
  phase: 'start' | 'resume';
  dataDir: string;
  connectorUrl: string;
  leaseMs: number;
  appLimitPerSecond: number;
}

const config = JSON.parse(process.argv[2] ?? '{}') as ChildConfig;
const emulator = await startEmulator({ dataDir: config.dataDir, lists: allLists });
// SharePoint's resource-unit budget is not what this test is about
const store = createGraphStore<Entities>({ baseUrl: emulator.baseUrl, siteId: emulator.siteId, lists, throttle: { resourceUnitsPerMinute: 1_000_000 } });
const bot = createBotEndpoint({
  store,
  mode: 'local',
  connectorBaseUrl: config.connectorUrl,
  leaseMs: config.leaseMs,
  instanceId: `child-${config.phase}-${process.pid}`,
  schedulerIntervalMs: 100,
  rateLimits: { app: [{ limit: config.appLimitPerSecond, ms: 1_000 }] },
  log: (m) => process.stderr.write(`${m}\n`),
});

const say = (line: unknown): void => void process.stdout.write(`${JSON.stringify(line)}\n`);

if (config.phase === 'start') {
  await seed(store);
  let status = 0;
  const res = { status(code: number) { status = code; return res; }, json: () => undefined, end: () => undefined };
  await bot.handle({ method: 'POST', headers: {}, body: meetingEndActivity({ serviceUrl: config.connectorUrl, id: 'meeting-end-1' }) }, res);
  say({ queued: true, status });
  bot.scheduler.start();
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
  const done = await store.queryAll('jobs', { filter: [{ field: 'status', op: 'eq', value: 'done' }] });
  say({ pending, done: done.filter((j) => j.fields.kind === 'outbound').length });
  await bot.close();
  await emulator.close();
  process.exit(0);
}
