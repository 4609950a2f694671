import { defineConfig } from 'vitest/config';

// Two projects: node for the server, bot and domain; jsdom for the tab's components.
// Browser tests (playwright-core against `npm start`) live in test/browser and run in node.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/**/*.spec.ts', 'bot/**/*.spec.ts', 'manifest/**/*.spec.ts', 'infra/**/*.spec.ts', 'scripts/**/*.spec.ts', 'test/**/*.spec.ts'],
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
