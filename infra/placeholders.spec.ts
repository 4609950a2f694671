import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { parseEnvFile } from '../scripts/package-env';
import { findPlaceholders } from '../scripts/package-render';
import { lifecycleFileFor, runLifecycle } from './toolkit-lifecycle';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');
const envValues = (env: string): Record<string, string> => parseEnvFile(read(`env/.env.${env}`));
const envKeys = (env: string): Set<string> => new Set(Object.keys(envValues(env)));

const playgroundLifecycle = 'm365agents.playground.yml';

/** Which committed env files each templated file is rendered with. */
const usages: [string, string[]][] = [
  ['manifest/manifest.json', ['dev', 'local', 'playground']],
  ['manifest/en.json', ['dev', 'local', 'playground']],
  ['teamsapp.yml', ['dev']],
  ['teamsapp.local.yml', ['local']],
  [playgroundLifecycle, ['playground']],
  ['infra/azure.parameters.json', ['dev']],
  ['infra/aad.manifest.json', ['dev', 'local']],
];

/** Secrets never sit in a committed env file: the toolkit writes them to env/.env.<env>.user. */
const isSecret = (name: string): boolean => name.startsWith('SECRET_');

/**
 * What docs/deploy.md tells the deployer to write into env/.env.<env> before the first provision
 * (sample values). Everything else must work as committed, or be written by a step.
 */
const controller = {
  CONTROLLER_NAME: 'Barn- och utbildningsnämnden i Exempelby kommun',
  CONTROLLER_EMAIL: 'barn.utbildning@exempelby.se',
  DPO_EMAIL: 'dataskyddsombud@exempelby.se',
  ACCESSIBILITY_EMAIL: 'tillganglighet@exempelby.se',
};
const siteId = 'exempelby.sharepoint.com,6f1c0b44-6a8f-4c4b-9d53-1a7c3f1e2b10,0c7e2f9a-3b1d-4e5f-8a6b-2c4d6e8f0a1b';
const deployerSets: Record<string, Record<string, string>> = {
  dev: { AZURE_SUBSCRIPTION_ID: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9', AZURE_RESOURCE_GROUP_NAME: 'rg-kvalitetshjulet', GRAPH_SITE_ID: siteId, ...controller },
  local: { TAB_ENDPOINT: 'https://abc123-3978.euw.devtunnels.ms', TAB_DOMAIN: 'abc123-3978.euw.devtunnels.ms', GRAPH_SITE_ID: siteId, ...controller },
  playground: {},
};
const environments = Object.keys(deployerSets);

describe('placeholders', () => {
  it.each(usages)('every placeholder in %s is defined in its env files', (file, envs) => {
    const used = findPlaceholders(read(file)).filter((name) => !isSecret(name));
    for (const env of envs) {
      const keys = envKeys(env);
      expect(used.filter((name) => !keys.has(name)), `undefined in env/.env.${env}`).toEqual([]);
    }
  });

  it('every secret a file uses is one the same lifecycle writes', () => {
    const local = read('teamsapp.local.yml');
    const secrets = findPlaceholders(local).filter(isSecret);
    expect(secrets.sort()).toEqual(['SECRET_AAD_APP_CLIENT_SECRET', 'SECRET_BOT_PASSWORD']);
    for (const secret of secrets) expect(local).toMatch(new RegExp(`clientSecret: ${secret}\\b`));
    for (const file of ['teamsapp.yml', playgroundLifecycle, 'infra/azure.parameters.json', 'manifest/manifest.json']) {
      expect(findPlaceholders(read(file)).filter(isSecret), file).toEqual([]);
    }
  });

  it.each(environments)('env/.env.%s holds no secrets', (env) => {
    const values = envValues(env);
    expect(Object.keys(values).filter((key) => /SECRET|PASSWORD|KEY$/.test(key))).toEqual([]);
    expect(values['TEAMSFX_ENV']).toBe(env);
  });

  it('the arm/deploy outputs land in env variables that dev declares', () => {
    const outputs = [...read('infra/azure.bicep').matchAll(/^output (\w+) /gm)].map((match) => match[1] ?? '');
    expect(outputs.length).toBeGreaterThan(0);
    const keys = envKeys('dev');
    expect(outputs.filter((name) => !keys.has(name))).toEqual([]);
  });
});

describe('the lifecycles as the Agents Toolkit runs them', () => {
  it('runs teamsapp.yml for dev, teamsapp.local.yml for local and its own Playground file for playground', () => {
    expect(environments.map((env) => lifecycleFileFor(root, env))).toEqual(['teamsapp.yml', 'teamsapp.local.yml', playgroundLifecycle]);
  });

  it.each(environments)('what the deployer sets for %s is empty in the committed env file and named in docs/deploy.md', (env) => {
    const values = envValues(env);
    const docs = read('docs/deploy.md');
    for (const name of Object.keys(deployerSets[env] ?? {})) {
      expect(values[name], `${name} in env/.env.${env}`).toBe('');
      expect(docs, name).toContain(`\`${name}\``);
    }
  });

  it.each(environments)('%s: provision, deploy and publish run every step with the documented defaults', (env) => {
    const run = runLifecycle({ root, env, envFile: deployerSets[env] ?? {} });
    expect(run.refusal).toBeUndefined();
    const document = read(run.file);
    const steps = [...document.matchAll(/^(provision|deploy|publish):\n|^ {2}- uses: (\S+)/gm)];
    let stage = '';
    const expected = steps.flatMap(([, heading, uses]) => (heading ? ((stage = heading), []) : [`${stage} ${uses ?? ''}`]));
    expect(run.ran).toEqual(expected);
  });

  it('refuses what the toolkit refuses: an empty ALLOWED_TENANT_IDS stops arm/deploy and the local settings file', () => {
    const dev = runLifecycle({ root, env: 'dev', envFile: { ...deployerSets['dev'], ALLOWED_TENANT_IDS: '' } });
    expect(dev.refusal).toEqual({ stage: 'provision', step: 'arm/deploy', file: 'infra/azure.parameters.json', names: ['ALLOWED_TENANT_IDS'] });
    const local = runLifecycle({ root, env: 'local', envFile: { ...deployerSets['local'], ALLOWED_TENANT_IDS: '' } });
    expect(local.refusal).toEqual({ stage: 'deploy', step: 'file/createOrUpdateEnvironmentFile', file: 'teamsapp.local.yml', names: ['ALLOWED_TENANT_IDS'] });
  });

  it('refuses a step whose value nobody set, and takes a value from the process environment instead', () => {
    const missing = runLifecycle({ root, env: 'dev', envFile: { ...deployerSets['dev'], GRAPH_SITE_ID: '' } });
    expect(missing.refusal).toEqual({ stage: 'provision', step: 'arm/deploy', file: 'infra/azure.parameters.json', names: ['GRAPH_SITE_ID'] });
    const fromProcess = runLifecycle({ root, env: 'dev', envFile: { ...deployerSets['dev'], GRAPH_SITE_ID: '' }, processEnv: { GRAPH_SITE_ID: siteId } });
    expect(fromProcess.refusal).toBeUndefined();
    // a step sees what an earlier one wrote: the Entra app's client id reaches the parameters
    expect(fromProcess.env['AAD_APP_CLIENT_ID']).toMatch(/^[0-9a-f-]{36}$/);
    expect(fromProcess.read).toContain('infra/azure.parameters.json');
  });

  it('every committed file with a placeholder is read by a lifecycle step or by npm run package', () => {
    const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n');
    const templated = tracked.filter((file) => /\.(json|ya?ml)$/.test(file) && !file.startsWith('infra/schemas/') && read(file).includes('${{'));
    const read_ = new Set(environments.flatMap((env) => {
      const run = runLifecycle({ root, env, envFile: deployerSets[env] ?? {} });
      return [run.file, ...run.read];
    }));
    // npm run package renders the manifest and its localization file for every environment
    for (const file of ['manifest/manifest.json', 'manifest/en.json']) read_.add(file);
    expect(templated.filter((file) => !read_.has(file))).toEqual([]);
  });

  it('local: the settings written to .localConfigs start the server in Microsoft 365 mode, the home tenant allowed', () => {
    const run = runLifecycle({ root, env: 'local', envFile: deployerSets['local'] ?? {} });
    const settings = run.writtenEnvFiles['./.localConfigs'];
    if (!settings) throw new Error('no .localConfigs written');
    const config = loadConfig(Object.fromEntries(Object.entries(settings).map(([key, value]) => [key, String(value)])));
    expect(config.mode).toBe('m365');
    if (config.mode !== 'm365') return;
    expect(config.allowedTenantIds).toEqual([run.env['AAD_APP_TENANT_ID']]);
    expect(config.controller).toEqual({
      name: controller.CONTROLLER_NAME, email: controller.CONTROLLER_EMAIL, dpoEmail: controller.DPO_EMAIL, accessibilityEmail: controller.ACCESSIBILITY_EMAIL,
    });
  });
});
