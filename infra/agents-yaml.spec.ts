import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { agentsYamlSchema, agentsYamlVersion } from './agents-yaml-schema';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const files = ['teamsapp.yml', 'teamsapp.local.yml', 'm365agents.playground.yml'];
const validate = new Ajv({ allErrors: true, strict: false }).compile(agentsYamlSchema);

type Step = { uses: string; with: Record<string, unknown>; writeToEnvironmentFile?: Record<string, string> };
type Lifecycle = { version: string; provision?: Step[]; deploy?: Step[]; publish?: Step[] };
const load = (file: string): Lifecycle => parse(readFileSync(join(root, file), 'utf8')) as Lifecycle;

describe('the lifecycle files', () => {
  it.each(files)('%s validates against the toolkit schema of the version it declares', (file) => {
    const text = readFileSync(join(root, file), 'utf8');
    const document = load(file);
    expect(document.version).toBe(agentsYamlVersion);
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=https://aka.ms/m365-agents-toolkits/${agentsYamlVersion}/yaml.schema.json`);
    expect(validate(document), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('rejects a step that lacks a required input or uses an unknown action', () => {
    const broken = load('teamsapp.yml');
    const step = broken.provision?.find((s) => s.uses === 'teamsApp/validateManifest');
    if (!step) throw new Error('no validateManifest step');
    delete step.with['manifestPath'];
    expect(validate(broken)).toBe(false);
    expect(validate({ version: agentsYamlVersion, provision: [{ uses: 'teamsApp/teleport', with: {} }] })).toBe(false);
    expect(validate({ ...load('teamsapp.yml'), version: 'v1.0' })).toBe(false);
  });

  it('dev provisions the Teams app, the Entra app and Azure, then packages; publish submits to the catalogue', () => {
    const dev = load('teamsapp.yml');
    expect(dev.provision?.map((s) => s.uses)).toEqual([
      'script', 'teamsApp/create', 'aadApp/create', 'arm/deploy', 'aadApp/update',
      'teamsApp/validateManifest', 'teamsApp/zipAppPackage', 'teamsApp/validateAppPackage', 'teamsApp/update',
    ]);
    expect(dev.deploy?.map((s) => s.uses).at(-1)).toBe('azureAppService/zipDeploy');
    expect(dev.publish?.map((s) => s.uses).at(-1)).toBe('teamsApp/publishAppPackage');
    // No secret in the cloud environment: the server uses the managed identity.
    expect(dev.provision?.find((s) => s.uses === 'aadApp/create')?.with['generateClientSecret']).toBe(false);
  });

  it('packages to the same path as scripts/package.ts', () => {
    for (const file of ['teamsapp.yml', 'teamsapp.local.yml']) {
      const zip = load(file).provision?.find((s) => s.uses === 'teamsApp/zipAppPackage');
      expect(zip?.with).toEqual({
        manifestPath: './manifest/manifest.json',
        outputZipPath: './build/appPackage/appPackage.${{TEAMSFX_ENV}}.zip',
        outputFolder: './build/appPackage',
      });
    }
  });

  it('local registers the bot at the dev tunnel and writes the server settings to .localConfigs', () => {
    const local = load('teamsapp.local.yml');
    expect(local.provision?.find((s) => s.uses === 'botFramework/create')?.with['messagingEndpoint']).toBe('${{TAB_ENDPOINT}}/api/messages');
    const settings = local.deploy?.find((s) => s.uses === 'file/createOrUpdateEnvironmentFile')?.with;
    expect(settings?.['target']).toBe('./.localConfigs');
    expect(settings?.['envs']).toMatchObject({ MODE: 'm365', BOT_TYPE: 'SingleTenant', GRAPH_CLIENT_SECRET: '${{SECRET_AAD_APP_CLIENT_SECRET}}' });
  });
});
