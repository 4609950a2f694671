/**
 * The import crash test's child process: a whole server (local mode, in memory) on a lists
 * emulator it shares with the test, so that SIGKILL hits the server and its import worker and a
 * second one, started after, finds the job in the emulator's Jobs list. Prints one JSON line
 * with its URL once it is ready.
 */
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/api';
import { createServer } from '../../src/server';

interface ChildConfig {
  readonly emulator: { readonly baseUrl: string; readonly siteId: string };
  readonly seed: 'demo' | 'none';
  readonly leaseMs: number;
  readonly chunkRows: number;
  readonly importUnitsPerMinute: number;
}

const config = JSON.parse(process.argv[2] ?? '{}') as ChildConfig;
const server = createServer(loadConfig({ PORT: '0', MODE: 'local', LOG_LEVEL: 'silent', DATA_DIR: '.data/test-unused' }), {
  inMemory: true,
  sharedEmulator: config.emulator,
  seed: config.seed,
  botScheduler: false,
  bot: false,
  importUnitsPerMinute: config.importUnitsPerMinute,
  importJobs: { leaseMs: config.leaseMs, chunkRows: config.chunkRows },
  log: createLogger({ level: 'silent' }),
});
const started = await server.start();
process.stdout.write(`${JSON.stringify({ url: started.url })}\n`);
