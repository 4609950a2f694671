/**
 * The fences of eslint.config.js, held: one forbidden import per fence (linted as if the file
 * stood in that layer) must be reported with that fence's message, and the imports DESIGN.md
 * allows must pass. A fence that stops holding fails here, not in a review.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

const root = path.resolve(import.meta.dirname, '../..');
const rule = 'kvalitetshjulet/import-fences';

const FenceOptions = z.object({
  fences: z.array(z.object({ name: z.string(), message: z.string(), packages: z.object({ message: z.string() }).optional() })),
  concrete: z.object({ message: z.string() }),
});
const Restricted = z.tuple([z.unknown()]).rest(z.object({ selector: z.string(), message: z.string() }));

let eslint: ESLint;
let options: z.infer<typeof FenceOptions>;
let plainError: string;

/** The messages ESLint reports for `code` linted as if it were the file at `file`. */
async function reported(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === rule || m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

function fence(name: string): string {
  const found = options.fences.find((f) => f.name === name);
  if (!found) throw new Error(`no fence ${name}`);
  return found.message;
}

function packages(name: string): string {
  const message = options.fences.find((f) => f.name === name)?.packages?.message;
  if (!message) throw new Error(`fence ${name} has no package rule`);
  return message;
}

beforeAll(async () => {
  // the fences are syntactic: lint without type information, so fixtures need no file on disk
  eslint = new ESLint({ cwd: root, overrideConfig: [tseslint.configs.disableTypeChecked] });
  const config: { rules?: Record<string, unknown> } = await eslint.calculateConfigForFile(path.join(root, 'src/services/fixture.ts'));
  const entry = z.tuple([z.unknown(), z.unknown()]).parse(config.rules?.[rule]);
  options = FenceOptions.parse(entry[1]);
  const restricted = Restricted.parse(config.rules?.['no-restricted-syntax']);
  plainError = restricted[1]?.message ?? '';
}, 60_000);

/** One forbidden import per fence, and the message it must get. */
const forbidden: { fence: string; file: string; code: string; message: () => string }[] = [
  { fence: 'domain', file: 'src/domain/fixture.ts', code: "import { lists } from '../lists/lists';", message: () => fence('domain') },
  { fence: 'domain (packages)', file: 'src/domain/fixture.ts', code: "import { readFileSync } from 'node:fs';", message: () => packages('domain') },
  { fence: 'contract', file: 'src/contract/fixture.ts', code: "import type { Store } from '../store/port';", message: () => fence('contract') },
  { fence: 'lists', file: 'src/lists/fixture.ts', code: "import { createServices } from '../services';", message: () => fence('lists') },
  { fence: 'store (into services)', file: 'src/store/fixture.ts', code: "import { RollupService } from '../services/rollup';", message: () => fence('store') },
  { fence: 'store (into the API)', file: 'src/store/middleware/fixture.ts', code: "import { problem } from '../../api/problems';", message: () => fence('store') },
  { fence: 'emulator', file: 'src/emulator/fixture.ts', code: "import { isOpen } from '../domain';", message: () => fence('emulator') },
  { fence: 'seed', file: 'src/emulator/seed.ts', code: "import { createServices } from '../services';", message: () => fence('seed') },
  { fence: 'seed (types only)', file: 'src/emulator/seed.ts', code: "import { lists } from '../lists/lists';", message: () => fence('seed') },
  { fence: 'auth (into a service)', file: 'src/auth/fixture.ts', code: "import { UnitAccess } from '../services/unit-access';", message: () => fence('auth') },
  { fence: 'auth (into the Graph store)', file: 'src/auth/fixture.ts', code: "import { createGraphStore } from '../store/graph-store';", message: () => options.concrete.message },
  { fence: 'auth (the Graph transport as a value)', file: 'src/auth/fixture.ts', code: "import { GraphTransport } from '../store/graph-transport';", message: () => options.concrete.message },
  { fence: 'statements (into a service)', file: 'src/statements/fixture.ts', code: "import { UnitAccess } from '../services/unit-access';", message: () => fence('statements') },
  { fence: 'statements (the config as a value)', file: 'src/statements/fixture.ts', code: "import { loadConfig } from '../config';", message: () => fence('statements') },
  { fence: 'auth (packages)', file: 'src/auth/fixture.ts', code: "import { Client } from '@microsoft/microsoft-graph-client';", message: () => packages('auth') },
  { fence: 'register (into the store)', file: 'src/register/fixture.ts', code: "import { lists } from '../lists/lists';", message: () => fence('register') },
  { fence: 'register (packages)', file: 'src/register/fixture.ts', code: "import express from 'express';", message: () => packages('register') },
  { fence: 'services (into the register\'s HTTP client)', file: 'src/services/fixture.ts', code: "import { createHttpRegister } from '../register/register-http';", message: () => options.concrete.message },
  { fence: 'services (into the bot)', file: 'src/services/fixture.ts', code: "import { createBotEndpoint } from '../../bot';", message: () => fence('services') },
  { fence: 'services (into the API)', file: 'src/services/import/fixture.ts', code: "import { createApiRouter } from '../../api';", message: () => fence('services') },
  { fence: 'services (into the emulator)', file: 'src/services/fixture.ts', code: "import { startEmulator } from '../emulator';", message: () => options.concrete.message },
  { fence: 'services (into the Graph store)', file: 'src/services/fixture.ts', code: "export { createGraphStore } from '../store/graph-store';", message: () => options.concrete.message },
  { fence: 'services (into the mirror)', file: 'src/services/rollup/fixture.ts', code: "import { createMirror } from '../../store/mirror';", message: () => options.concrete.message },
  { fence: 'bot (into the mirror)', file: 'bot/flows/fixture.ts', code: "import { createMirror } from '../../src/store/mirror/index';", message: () => options.concrete.message },
  { fence: 'services (lists as values)', file: 'src/services/fixture.ts', code: "import { lists } from '../lists/lists';", message: () => fence('services') },
  { fence: 'services (packages)', file: 'src/services/fixture.ts', code: "import express from 'express';", message: () => packages('services') },
  { fence: 'api (into the memory store)', file: 'src/api/routes/fixture.ts', code: "import { createMemoryStore } from '../../store/memory-store';", message: () => options.concrete.message },
  { fence: 'api (into the config)', file: 'src/api/fixture.ts', code: "import { loadConfig } from '../config';", message: () => fence('api') },
  { fence: 'api (into the bot)', file: 'src/api/fixture.ts', code: "const bot = import('../../bot');", message: () => fence('api') },
  { fence: 'api (packages)', file: 'src/api/fixture.ts', code: "import { Client } from '@microsoft/microsoft-graph-client';", message: () => packages('api') },
  { fence: 'bot (into the services)', file: 'bot/flows/fixture.ts', code: "import { createServices } from '../../src/services';", message: () => fence('bot') },
  { fence: 'bot (into the API)', file: 'bot/flows/fixture.ts', code: "import { problem } from '../../src/api/problems';", message: () => fence('bot') },
  { fence: 'bot (botbuilder outside the adapter)', file: 'bot/flows/fixture.ts', code: "import { TurnContext } from 'botbuilder';", message: () => packages('bot') },
  { fence: 'bot adapter', file: 'bot/adapter/fixture.ts', code: "import { createServices } from '../../src/services';", message: () => fence('botAdapter') },
  { fence: 'tab', file: 'tab/src/views/fixture.tsx', code: "import type { Store } from '../../../src/store/port';", message: () => fence('tab') },
  { fence: 'tab (the contract as values)', file: 'tab/src/views/fixture.tsx', code: "import { RollupSchema } from '../../../src/contract';", message: () => fence('tab') },
  { fence: 'tab (packages)', file: 'tab/src/views/fixture.tsx', code: "import express from 'express';", message: () => packages('tab') },
  { fence: 'composition root only', file: 'src/main.ts', code: "import { createGraphStore } from './store/graph-store';", message: () => options.concrete.message },
  { fence: 'no plain Error in src', file: 'src/services/fixture.ts', code: "export function f(): never { throw new Error('x'); }", message: () => plainError },
];

/** What DESIGN.md allows: none of these may be reported. */
const allowed: { why: string; file: string; code: string }[] = [
  { why: 'contract on domain', file: 'src/contract/fixture.ts', code: "import type { Unit } from '../domain';\nimport { z } from 'zod';" },
  { why: 'store on domain and lists', file: 'src/store/fixture.ts', code: "import { isoDay } from '../domain';\nimport { lists } from '../lists/lists';" },
  { why: 'emulator on lists and the shared invariant', file: 'src/emulator/fixture.ts', code: "import { invariant } from '../domain/invariant';\nimport type { ListDefinition } from '../lists/definition';" },
  { why: 'seed on domain, personas and the port\'s types', file: 'src/emulator/seed.ts', code: "import { isoDay } from '../domain';\nimport { PERSONA_USER_IDS } from '../auth/personas';\nimport type { Entities } from '../lists/lists';\nimport type { Store } from '../store/port';" },
  { why: 'auth on domain', file: 'src/auth/fixture.ts', code: "import { objectId } from '../domain';" },
  { why: 'services on the port, policy and lists\' types', file: 'src/services/import/fixture.ts', code: "import type { Entities } from '../../lists/lists';\nimport { ConflictError } from '../../store/errors';\nimport { readAllPages } from '../../store/read-all-pages';\nimport type { ReadModel } from '../../store/read-model';\nimport { authorize } from '../../auth/policy';" },
  { why: 'api on services, auth, contract and the port\'s types', file: 'src/api/fixture.ts', code: "import { createServices } from '../services';\nimport type { StoredItem } from '../store/port';\nimport { isAuthError } from '../auth/auth-error';\nimport type { X } from '../contract';" },
  { why: 'bot on the port, the one policy and unit access', file: 'bot/flows/fixture.ts', code: "import { NotFoundError } from '../../src/store/errors';\nimport type { ReadView } from '../../src/store/read-model';\nimport { UnitAccess } from '../../src/services/unit-access';\nimport type { Entities } from '../../src/lists/lists';\nimport { isOpen } from '../../src/domain';" },
  { why: 'the adapter on botbuilder', file: 'bot/adapter/fixture.ts', code: "import { TurnContext } from 'botbuilder';\nimport { turnFrom } from '../flows/turn';" },
  { why: 'tab on domain, contract and its own api folder', file: 'tab/src/views/fixture.tsx', code: "import type { Unit } from '../../../src/domain';\nimport type { X } from '../../../src/contract';\nimport { ApiClient } from '../api/client';" },
  { why: 'services on the register\'s port', file: 'src/services/fixture.ts', code: "import type { SchoolUnitRegister } from '../register/register';\nimport { readRegisterAnswer } from '../register/read-answer';" },
  { why: 'the register on domain and zod', file: 'src/register/fixture.ts', code: "import { z } from 'zod';\nimport type { UnitType } from '../domain';" },
  { why: 'the wiring on concrete parts', file: 'src/graph-directory.ts', code: "import { GraphTransport } from './store/graph-transport';\nimport { GraphDirectory } from './auth/directory-graph';" },
  { why: 'a spec wiring concrete parts', file: 'src/services/fixture.spec.ts', code: "import { createMemoryStore } from '../store/memory-store';\nexport const fail = () => { throw new Error('x'); };" },
  { why: 'the invariant helper', file: 'src/domain/invariant.ts', code: "export function invariant(condition: unknown): asserts condition { if (!condition) throw new Error('bug'); }" },
];

describe('the layer fences (eslint.config.js)', () => {
  it.each(forbidden)('reports $fence with its message', async ({ file, code, message }) => {
    expect(await reported(file, code)).toEqual([message()]);
  });

  it.each(allowed)('lets $why pass', async ({ file, code }) => {
    expect(await reported(file, code)).toEqual([]);
  });

  it('gives every fence a message that says why, and has a fixture for each', () => {
    for (const { name, message } of options.fences) {
      expect(message.length, name).toBeGreaterThan(40);
      expect(forbidden.some((f) => f.message() === message), `a forbidden import for ${name}`).toBe(true);
    }
  });
});
