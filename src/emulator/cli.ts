/**
 * `npm run emulator`: the lists emulator as its own process.
 * Flags: --port <n> (default 0), --data-dir <dir> (default .data/emulator), --latency <ms>.
 */
import { parseArgs } from 'node:util';
import { startEmulator } from './index';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'data-dir': { type: 'string', default: '.data/emulator' },
    latency: { type: 'string', default: '0' },
  },
});

const wholeNumber = (flag: string, value: string): number => {
  if (!/^\d+$/.test(value)) {
    console.error(`--${flag} must be a whole number, not '${value}'`);
    process.exit(2);
  }
  return Number(value);
};

const emulator = await startEmulator({
  port: wholeNumber('port', values.port),
  dataDir: values['data-dir'],
  faults: { latencyMs: wholeNumber('latency', values.latency) },
}).catch((error: unknown) => {
  // a locked or damaged data folder: the message says what to do
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
console.log(`lists emulator: ${emulator.baseUrl}`);
console.log(`site id: ${emulator.siteId}`);

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  emulator.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
