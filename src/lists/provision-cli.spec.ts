import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ClientSecretCredential, DefaultAzureCredential } from '@azure/identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../emulator/index';
import { graphCredential, isLoopback, tokenProviderFor } from './provision-cli';
import { allLists } from './lists';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const run = promisify(execFile);
const cli = (args: string[]) => run(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'src', 'lists', 'provision-cli.ts'), ...args], { cwd: root });

describe('provision-cli credentials', () => {
  it('sends no token to a loopback emulator', () => {
    expect(isLoopback('http://127.0.0.1:4000/v1.0')).toBe(true);
    expect(isLoopback('http://localhost:4000/v1.0')).toBe(true);
    expect(isLoopback('https://graph.microsoft.com/v1.0')).toBe(false);
    expect(tokenProviderFor('http://127.0.0.1:4000/v1.0', { GRAPH_CLIENT_SECRET: 'x' })).toBeUndefined();
  });

  it('uses client credentials when a secret is set, a managed identity or developer sign-in otherwise', () => {
    const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
    const client = '0b6e3f7a-2c1d-4e5f-8a9b-1c2d3e4f5a6b';
    expect(graphCredential({ GRAPH_TENANT_ID: tenant, GRAPH_CLIENT_ID: client, GRAPH_CLIENT_SECRET: 's' })).toBeInstanceOf(ClientSecretCredential);
    expect(graphCredential({ GRAPH_CLIENT_ID: client })).toBeInstanceOf(DefaultAzureCredential);
    expect(() => graphCredential({ GRAPH_CLIENT_SECRET: 's' })).toThrow(/GRAPH_TENANT_ID and GRAPH_CLIENT_ID/);
    expect(tokenProviderFor('https://graph.microsoft.com/v1.0', { GRAPH_CLIENT_ID: client })).toBeTypeOf('function');
  });
});

describe('npm run provision', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  afterAll(async () => {
    await emulator.close();
  });

  it('creates the lists on the first run and reports that nothing changed on the second', async () => {
    const first = await cli(['--site', emulator.siteId, '--base-url', emulator.baseUrl]);
    const lines = first.stdout.trim().split('\n');
    expect(lines.slice(0, -1)).toEqual(allLists.map((list) => `${list.displayName}: skapad`));
    expect(lines.at(-1)).toBe(`Klart: ${allLists.length} skapade, 0 uppdaterade, 0 oförändrade.`);

    const second = await cli(['--site', emulator.siteId, '--base-url', emulator.baseUrl]);
    expect(second.stdout.trim().split('\n').at(-1)).toBe(`Klart: alla ${allLists.length} listor var redan aktuella; inget ändrades.`);
  });

  it('explains its usage without --site', async () => {
    const failure = await cli([]).then(() => undefined, (caught: { code: number; stderr: string }) => caught);
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('Usage: npm run provision -- --site <site-id>');
  });
});
