// Lint rules that hold the import directions of DESIGN.md:
//   tab -> src/domain (types and schemas only), src/contract (types only); bot -> src/domain, src/store (port);
//   src/api -> domain, store port, auth; src/domain imports nothing of ours;
//   only src/server.ts knows the concrete implementations.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const concreteStores = {
  group: ['**/store/graph*', '**/emulator/**', '**/emulator'],
  message: 'Only src/server.ts knows concrete implementations; depend on the store port (src/store/port).',
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '.data/**', 'coverage/**', 'build/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['src/domain/**/*.ts'],
    rules: restrict([
      { group: ['../*', '!../domain', '**/store/**', '**/api/**', '**/auth/**', '**/lists/**', '**/emulator/**', '**/bot/**', '**/tab/**'],
        message: 'src/domain is pure: it imports nothing of ours but itself.' },
      { group: ['express', 'botbuilder*', '@microsoft/*', '@azure/*', 'node:*', 'fs', 'http'], message: 'src/domain does no I/O and imports no SDK.' },
    ]),
  },
  {
    files: ['tab/**/*.ts', 'tab/**/*.tsx'],
    ignores: ['tab/vite.config.ts'],
    rules: restrict([
      { group: ['**/src/*', '!**/src/domain', '!**/src/contract', '**/src/store/**', '**/src/api/**', '**/src/auth/**', '**/src/lists/**', '**/src/emulator/**', '**/bot/**', 'express', 'botbuilder*', '@microsoft/microsoft-graph-client'],
        message: 'The tab imports only src/domain (types and schemas) and src/contract (types).' },
      { group: ['**/src/contract', '**/src/contract/**'], allowTypeImports: true,
        message: 'The tab imports the contract type-only (import type): its schemas stay out of the bundle.' },
    ]),
  },
  {
    files: ['bot/**/*.ts'],
    rules: restrict([
      { group: ['**/src/api/**', '**/src/auth/dev*', '**/tab/**', '**/src/server*'], message: 'The bot depends on src/domain and the store port.' },
      concreteStores,
    ]),
  },
  {
    files: ['src/api/**/*.ts'],
    rules: restrict([
      { group: ['**/bot/**', '**/tab/**', '**/server*', '**/config*'], message: 'src/api depends on domain, the store port and auth.' },
      concreteStores,
      { group: ['@microsoft/microsoft-graph-client'], message: 'Handlers call services, never Graph directly.' },
    ]),
  },
);
