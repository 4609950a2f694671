import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseEnvFile } from '../scripts/package-env';
import { findPlaceholders } from '../scripts/package-render';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');
const envKeys = (env: string): Set<string> => new Set(Object.keys(parseEnvFile(read(`env/.env.${env}`))));

/** Which committed env files each templated file is rendered with. */
const usages: [string, string[]][] = [
  ['manifest/manifest.json', ['dev', 'local', 'playground']],
  ['manifest/en.json', ['dev', 'local', 'playground']],
  ['teamsapp.yml', ['dev']],
  ['teamsapp.local.yml', ['local']],
  ['teamsapp.playground.yml', ['playground']],
  ['infra/azure.parameters.json', ['dev']],
  ['infra/aad.manifest.json', ['dev', 'local']],
];

/** Secrets never sit in a committed env file: the toolkit writes them to env/.env.<env>.user. */
const isSecret = (name: string): boolean => name.startsWith('SECRET_');

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
    for (const file of ['teamsapp.yml', 'teamsapp.playground.yml', 'infra/azure.parameters.json', 'manifest/manifest.json']) {
      expect(findPlaceholders(read(file)).filter(isSecret), file).toEqual([]);
    }
  });

  it.each(['dev', 'local', 'playground'])('env/.env.%s holds no secrets', (env) => {
    const values = parseEnvFile(read(`env/.env.${env}`));
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
