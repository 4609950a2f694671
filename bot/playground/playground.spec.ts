import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startPlayground, type RunningPlayground } from './playground-process';

const here = dirname(fileURLToPath(import.meta.url));

/** Microsoft 365 Agents Playground itself, started as `npm run playground` starts it, with our mock data. */
describe('npm run playground', () => {
  let playground: RunningPlayground | undefined;
  afterAll(async () => {
    await playground?.stop();
  });

  it('starts the Playground with our configuration file, which its schema accepts', async () => {
    const logFile = join(here, 'devTools', 'spec.log');
    // it prints "Listening" before it reads the configuration, and exits with 1 if the file is invalid
    playground = await startPlayground({ endpoint: 'http://127.0.0.1:3978/api/messages', port: await freePort(), env: { M365_AGENTS_PLAYGROUND_LOGFILE: logFile } });
    const status = await fetch(`${playground.url}/`).then((r) => r.status, () => 0);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(playground.exitCode()).toBeUndefined();
    expect(status).toBe(200);
    const log = readFileSync(logFile, 'utf8');
    expect(log).not.toMatch(/Failed to parse config file/);
  }, 30_000);
});
