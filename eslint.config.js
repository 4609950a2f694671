// Lint rules, and the fences that hold the import directions of DESIGN.md: every layer says
// which of our folders and which packages it may import, each with the reason a person sees
// when an import crosses it. test/lint/fences.spec.ts lints a forbidden import into every fence,
// so a fence that stops holding fails the tests.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import importFences from './lint/import-fences.js';

/** The composition root: only these files know concrete implementations (src/server.ts names its wiring files too). */
export const wiring = ['src/server', 'src/graph-directory'];

/** Concrete implementations: the composition root chooses them, everything else depends on a port. */
const concrete = {
  targets: [
    'src/store/graph-store', 'src/store/graph-transport', 'src/store/memory-store', 'src/store/token-provider', 'src/store/mirror/',
    'src/emulator/',
    'src/auth/directory-graph', 'src/auth/directory-local', 'src/auth/dev-identity-provider', 'src/auth/dev-identity-router',
    'src/register/register-http',
  ],
  message: 'Only the composition root (src/server.ts and its wiring files) knows concrete implementations (the Graph store, the memory store, the mirror, the emulator, a directory, the dev identity provider, the register\'s HTTP client): depend on the port and let the root choose.',
};

/** Specs and their helpers wire concrete parts together as the composition root does: no fence holds them. */
const testFiles = ['**/*.spec.ts', '**/*.spec.tsx', '**/testing/**', '**/test-kit.ts', '**/spec-helpers.ts', '**/test-fixture.ts'];
const testSources = ['\\.spec\\.tsx?$', '(^|/)testing/', '(^|/)test-kit\\.ts$', '(^|/)spec-helpers\\.ts$', '(^|/)test-fixture\\.ts$'];

/** What the store port is: the interface, its errors, the pager over it and the read model views read. */
const storePort = ['src/store/port', 'src/store/errors', 'src/store/read-all-pages', 'src/store/read-model'];
/** The one policy: who may do what (auth's policy and principal), as the API and the bot's cards both ask it. */
const policy = ['src/auth/policy', 'src/auth/principal'];

const pure = { allow: ['zod'], message: 'This layer does no I/O and uses no SDK: of the packages, zod only.' };
const bot = {
  allow: ['bot/', 'src/domain/', ...storePort, ...policy, 'src/services/unit-access', 'src/services/errors'],
  typesOnly: ['src/lists/lists', 'src/services/'],
  message: 'The bot shares rules with the API, not its code: src/domain, the store port, the list entities\' types, auth\'s policy, the services\' unit access and errors, and the types of the services it is handed (a card action asks the same service as the API route); never src/api, the tab, the server, or a service it would build itself.',
};

/** One fence per layer; a file belongs to the fence whose `files` name it most closely. */
export const fences = {
  domain: {
    files: ['src/domain/'], allow: [],
    packages: pure,
    message: 'src/domain is the quality cycle itself and every layer builds on it, so it imports nothing of ours.',
  },
  contract: {
    files: ['src/contract/'], allow: ['src/domain/'],
    packages: pure,
    message: 'src/contract is the wire shape both the API and the tab import: it builds on src/domain only.',
  },
  lists: {
    files: ['src/lists/'], allow: ['src/domain/'],
    message: 'src/lists is the list schema as code, shared by provisioning, the store and the emulator: it builds on src/domain only.',
  },
  store: {
    files: ['src/store/'], allow: ['src/domain/', 'src/lists/'],
    message: 'The store implements the port under the services: it knows src/domain and src/lists, never the services, the API, auth or the bot, which call it.',
  },
  emulator: {
    files: ['src/emulator/'], allow: ['src/lists/', 'src/domain/invariant'],
    message: 'The emulator stands in for Graph, faithful to Graph\'s shapes: it knows the list schema (src/lists) and itself, nothing of the product above it.',
  },
  seed: {
    files: ['src/emulator/seed', 'src/emulator/seed-data', 'src/emulator/seed-large'], allow: ['src/domain/', 'src/auth/personas'], typesOnly: ['src/lists/', 'src/store/port'],
    message: 'The seeds (the demo and the large municipality) write a fictional municipality through the store they are given: src/domain, the demo personas, and the types of the lists and the store port only.',
  },
  auth: {
    files: ['src/auth/'], allow: ['src/domain/'],
    packages: { deny: ['@microsoft/microsoft-graph-client', 'botbuilder*', '@azure/*'], message: 'src/auth reaches Graph only through a port it is given.' },
    message: 'src/auth decides who may do what: it depends on src/domain and on the ports it is given (a directory\'s transport, a key set), never on a concrete store or transport.',
  },
  register: {
    files: ['src/register/'], allow: ['src/domain/'],
    packages: { allow: ['zod'], message: 'The register is asked with the platform\'s fetch and read with zod: no other package.' },
    message: 'src/register speaks with Skolverket\'s school-unit register (its answers\' shapes, the port, the HTTP client): it builds on src/domain only.',
  },
  services: {
    files: ['src/services/'], allow: ['src/domain/', ...storePort, ...policy, 'src/auth/directory', 'src/register/'], typesOnly: ['src/lists/'],
    packages: { deny: ['express', 'botbuilder*', '@microsoft/microsoft-graph-client', '@azure/*'], message: 'src/services holds rules, no HTTP and no Graph: the API and the store do that.' },
    message: 'src/services holds the rules over the store port: src/domain, the list entities\' types, the store port (port, errors, readAllPages, the read model), auth\'s policy, principal and directory port, and the register\'s port; never the API, the bot, the emulator, the mirror or a concrete store.',
  },
  api: {
    files: ['src/api/'], allow: ['src/domain/', 'src/contract/', 'src/services/', 'src/auth/', 'src/store/errors'], typesOnly: ['src/store/port'],
    packages: { deny: ['@microsoft/microsoft-graph-client', 'botbuilder*', '@azure/*'], message: 'Handlers call services, never Graph or the bot\'s SDK directly.' },
    message: 'src/api turns HTTP into service calls: src/domain, src/contract, src/services, src/auth, and the store port\'s item types and errors that services hand through; never the bot, the tab, the config or a store.',
  },
  bot: {
    files: ['bot/'], ...bot,
    packages: { deny: ['botbuilder*', 'express'], message: 'botbuilder 4.23 is the last release of an archived SDK: only bot/adapter knows it (and HTTP), so a move to the Teams SDK replaces one folder.' },
  },
  botAdapter: { files: ['bot/adapter/'], ...bot },
  statements: {
    files: ['src/statements/'], allow: ['src/domain/'], typesOnly: ['src/config'],
    packages: { deny: ['@microsoft/microsoft-graph-client', 'botbuilder*', '@azure/*'], message: 'The public statements are pages of text: no Graph, no bot.' },
    message: 'src/statements renders the privacy, terms and accessibility pages from the controller\'s settings: src/domain and the config\'s types, nothing of the product\'s data.',
  },
  tab: {
    files: ['tab/src/'], allow: ['src/domain/'], typesOnly: ['src/contract/'],
    packages: { deny: ['express', 'botbuilder*', '@microsoft/microsoft-graph-client', '@azure/identity', 'jose', 'node:*'], message: 'The tab runs in the browser: no server packages.' },
    message: 'The tab shares only shapes with the server: src/domain (types and schemas) and src/contract (import type, so its schemas stay out of the bundle); nothing else of src, nor the bot.',
  },
};

/** Errors that reach a user come from a catalogue; a plain Error is a bug's, so it goes through invariant(). */
const plainError = 'Errors that reach a user come from the catalogues (the store\'s and the services\' error types, the API\'s problem catalogue); a condition only a bug can break is invariant() (src/domain/invariant.ts).';

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
    files: ['src/**/*.ts', 'bot/**/*.ts', 'tab/src/**/*.ts', 'tab/src/**/*.tsx'],
    plugins: { kvalitetshjulet: { rules: { 'import-fences': importFences } } },
    rules: {
      'kvalitetshjulet/import-fences': ['error', {
        root: import.meta.dirname,
        holds: ['src/', 'bot/', 'tab/src/'],
        tests: testSources,
        wiring,
        concrete,
        fences: Object.entries(fences).map(([name, fence]) => ({ name, ...fence })),
      }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/domain/invariant.ts', ...testFiles],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: 'NewExpression[callee.name="Error"]', message: plainError },
        { selector: 'CallExpression[callee.name="Error"]', message: plainError },
      ],
    },
  },
  {
    files: ['tab/src/**/*.ts', 'tab/src/**/*.tsx'],
    ...reactHooks.configs.flat.recommended,
    rules: { ...reactHooks.configs.flat.recommended.rules, 'react-hooks/exhaustive-deps': 'error' },
  },
);
