import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, '..', '..', 'node_modules', '.bin', 'agentsplayground');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

/** Microsoft 365 Agents Playground itself, started as `npm run playground` starts it, with our mock data. */
describe('npm run playground', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill('SIGTERM');
  });

  it('starts the Playground with our configuration file, which its schema accepts', async () => {
    const port = await freePort();
    child = spawn(cli, ['-e', 'http://127.0.0.1:3978/api/messages', '-c', 'msteams', '-p', String(port)], {
      cwd: here,
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', M365_AGENTS_PLAYGROUND_LOGFILE: join(here, 'devTools', 'spec.log') },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let exited: number | null | undefined;
    child.on('exit', (code) => {
      exited = code;
    });
    // it prints "Listening" before it reads the configuration, and exits with 1 if the file is invalid
    const deadline = Date.now() + 20_000;
    let status = 0;
    while (Date.now() < deadline && exited === undefined) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      status = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.status, () => 0);
      if (status === 200) break;
    }
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(exited).toBeUndefined();
    expect(status).toBe(200);
    const log = readFileSync(join(here, 'devTools', 'spec.log'), 'utf8');
    expect(log).not.toMatch(/Failed to parse config file/);
  }, 30_000);
});
