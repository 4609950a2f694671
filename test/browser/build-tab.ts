/**
 * The browser files' global setup: builds the tab once into a temp dir for every browser file of
 * the run (a build per file cost each of them its own bundling), and removes it at the end.
 * Files read the directory with `inject('tabDir')` (harness.ts `builtTab`).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The tab, built once for the run's browser files. */
    tabDir: string;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const work = await mkdtemp(path.join(tmpdir(), 'kvalitetshjulet-tab-'));
  const tabDir = path.join(work, 'tab');
  await build({ configFile: path.join(root, 'tab/vite.config.ts'), logLevel: 'silent', build: { outDir: tabDir, emptyOutDir: true } });
  project.provide('tabDir', tabDir);
  return () => rm(work, { recursive: true, force: true });
}
