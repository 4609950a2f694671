import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

// Three projects: node for the server, bot and domain; jsdom for the tab's components; browser for
// the tests that drive Chromium (playwright-core) against the real server, in node, over the tab
// built once for the run (test/browser/build-tab.ts).
export default defineConfig({
  test: {
    // One file per core: vitest's own default leaves one core free, which on CI's two cores ran
    // every file in turn while the browser files mostly wait on Chromium and the server.
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/**/*.spec.ts', 'bot/**/*.spec.ts', 'manifest/**/*.spec.ts', 'infra/**/*.spec.ts', 'scripts/**/*.spec.ts', 'test/**/*.spec.ts'],
          exclude: [...configDefaults.exclude, 'test/browser/**'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.spec.ts'],
          globalSetup: ['test/browser/build-tab.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'tab',
          environment: 'jsdom',
          include: ['tab/**/*.spec.tsx', 'tab/**/*.spec.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
