/**
 * Microsoft 365 Agents Playground as a child process for tests, started the way `npm run
 * playground` starts it (from this folder, with our mock data), on a port taken from the system.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, '..', '..', 'node_modules', '.bin', 'agentsplayground');

/** A loopback port nobody listens on: the system picks it (port 0), then it is released. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

export interface RunningPlayground {
  readonly url: string;
  readonly child: ChildProcess;
  /** the exit code once it has exited */
  exitCode(): number | null | undefined;
  /** SIGTERM, then waits (at most 5 s) until it has exited */
  stop(): Promise<void>;
}

/**
 * Starts the Playground against `endpoint` and waits (at most 20 s) until it answers on its port.
 * `cwd` defaults to this folder (our mock data); a folder without it gives the Playground's own default users.
 */
export async function startPlayground(options: { endpoint: string; port: number; env?: Record<string, string>; cwd?: string }): Promise<RunningPlayground> {
  const child = spawn(cli, ['-e', options.endpoint, '-c', 'msteams', '-p', String(options.port)], {
    cwd: options.cwd ?? here,
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let exited: number | null | undefined;
  child.on('exit', (code) => {
    exited = code;
  });
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && exited === undefined) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const status = await fetch(`${url}/`).then((r) => r.status, () => 0);
    if (status === 200) break;
  }
  const stop = async (): Promise<void> => {
    if (exited !== undefined) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  };
  return { url, child, exitCode: () => exited, stop };
}
