/**
 * The server whose memory bench/mirror-memory.ts measures, in a process of its own (run with
 * --expose-gc): a local-mode server on the parent's emulator, started until its mirror is in
 * step; prints its memory before and after as one JSON line.
 */
import { createLogger } from '../src/api/log';
import { loadConfig } from '../src/config';
import { createServer } from '../src/server';

const [baseUrl = '', siteId = ''] = process.argv.slice(2);
const settle = (): NodeJS.MemoryUsage => {
  globalThis.gc?.();
  globalThis.gc?.();
  return process.memoryUsage();
};
const before = settle();
const server = createServer(loadConfig({ PORT: '0', MODE: 'local', LOG_LEVEL: 'silent', DATA_DIR: '.data/bench-unused' }), {
  log: createLogger({ level: 'silent' }), inMemory: true, botScheduler: false, seed: 'none', sharedEmulator: { baseUrl, siteId },
});
const started = performance.now();
const running = await server.start();
const enumeratedMs = performance.now() - started;
const after = settle();
process.stdout.write(`${JSON.stringify({ before, after, enumeratedMs, items: running.mirror.status().items })}\n`);
await server.stop();
process.exit(0);
