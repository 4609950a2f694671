/** The crash tests' child processes: a bot instance (or the shared emulator) as its own OS process. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const childScript = path.resolve(import.meta.dirname, 'fanout-child.ts');

export interface Child {
  readonly proc: ChildProcess;
  /** every JSON line it printed so far */
  readonly lines: unknown[];
  readonly exited: Promise<number | null>;
}

/** Starts fanout-child.ts with `config` (node --import tsx, so SIGKILL hits the bot itself). */
export function runChild(config: Record<string, unknown>): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', childScript, JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: unknown[] = [];
  let buffer = '';
  proc.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
      lines.push(JSON.parse(buffer.slice(0, i)));
      buffer = buffer.slice(i + 1);
    }
  });
  proc.stderr?.resume();
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, lines, exited };
}

/** Waits until `check` holds, polling; rejects after `timeoutMs`. */
export async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
