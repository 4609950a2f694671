import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAppPackage, InvalidAppPackageError } from './package-build';
import { loadEnvironment, parseEnvFile } from './package-env';
import { MissingPlaceholdersError, findPlaceholders, renderPlaceholders } from './package-render';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outputDir = mkdtempSync(join(tmpdir(), 'app-package-'));
afterAll(() => rmSync(outputDir, { recursive: true, force: true }));

const values = {
  TEAMS_APP_ID: '6f1c2b0e-8d4a-4a51-9e6b-2c7d8e9f0a1b',
  AAD_APP_CLIENT_ID: '0b6e3f7a-2c1d-4e5f-8a9b-1c2d3e4f5a6b',
  BOT_ID: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  TAB_DOMAIN: 'kvalitetshjulet-test.azurewebsites.net',
};

describe('parseEnvFile', () => {
  it('reads keys, empty values, quotes and comments', () => {
    expect(parseEnvFile('# c\nA=1\nB=\nC="x y"\nD=\'z\'\nE=v # note\nexport F=f\nnot a line\n')).toEqual({
      A: '1', B: '', C: 'x y', D: 'z', E: 'v', F: 'f',
    });
  });
});

describe('loadEnvironment', () => {
  it('takes the toolkit\'s precedence: .user fills what .env leaves empty, a set process variable wins', () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-'));
    try {
      mkdirSync(join(dir, 'env'));
      writeFileSync(join(dir, 'env', '.env.x'), 'A=committed\nB=\nC=committed\n');
      writeFileSync(join(dir, 'env', '.env.x.user'), 'A=user\nB=user\nSECRET_S=s\n');
      expect(loadEnvironment({ root: dir, env: 'x' })).toEqual({ A: 'committed', B: 'user', C: 'committed', SECRET_S: 's' });
      expect(loadEnvironment({ root: dir, env: 'x', overrides: { C: 'process', A: '', D: 'not declared' } })).toEqual({ A: 'committed', B: 'user', C: 'process', SECRET_S: 's' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('renderPlaceholders', () => {
  it('replaces every placeholder, escaping for JSON when asked', () => {
    expect(renderPlaceholders('"${{A}}-${{ B }}"', { A: 'a"b', B: 'c' }, { escape: 'json' })).toBe('"a\\"b-c"');
    expect(findPlaceholders('${{B}} ${{A}} ${{B}}')).toEqual(['A', 'B']);
  });

  it('names every placeholder without a value, undefined or empty', () => {
    const error = (() => {
      try {
        renderPlaceholders('${{A}} ${{B}} ${{C}}', { A: 'a', B: '' }, { where: 'manifest/manifest.json' });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(MissingPlaceholdersError);
    expect((error as MissingPlaceholdersError).names).toEqual(['B', 'C']);
    expect((error as Error).message).toBe('manifest/manifest.json: no value for ${{B}}, ${{C}}');
  });
});

describe('buildAppPackage', () => {
  it('zips exactly the manifest, the two icons and the localization file', async () => {
    const built = await buildAppPackage({ root, env: 'test', values, outputDir });
    expect(built.zipPath).toBe(join(outputDir, 'appPackage.test.zip'));
    const zip = await JSZip.loadAsync(readFileSync(built.zipPath));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
    const manifestText = await zip.file('manifest.json')?.async('string') ?? '';
    expect(manifestText).not.toContain('${{');
    expect(JSON.parse(manifestText)).toMatchObject({ id: values.TEAMS_APP_ID, validDomains: [values.TAB_DOMAIN] });
    const icon = await zip.file('color.png')?.async('nodebuffer');
    expect(icon?.equals(readFileSync(join(root, 'manifest', 'color.png')))).toBe(true);
  });

  it('fails naming every undefined placeholder', async () => {
    const { TAB_DOMAIN: _domain, BOT_ID: _bot, ...partial } = values;
    await expect(buildAppPackage({ root, env: 'test', values: partial, outputDir }))
      .rejects.toMatchObject({ name: 'MissingPlaceholdersError', names: ['BOT_ID', 'TAB_DOMAIN'] });
  });

  it('refuses a manifest the schema rejects', async () => {
    const error = await buildAppPackage({ root, env: 'test', values: { ...values, TEAMS_APP_ID: 'not-a-guid' }, outputDir })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidAppPackageError);
    expect((error as InvalidAppPackageError).errors.join('\n')).toMatch(/\/id/);
  });

  it('builds from the committed playground environment as it stands', async () => {
    const built = await buildAppPackage({ root, env: 'playground', values: loadEnvironment({ root, env: 'playground' }), outputDir });
    expect(built.files).toEqual(['manifest.json', 'color.png', 'outline.png', 'en.json']);
  });
});

describe('scripts/package.ts', () => {
  const run = promisify(execFile);
  const tsx = join(root, 'node_modules', '.bin', 'tsx');

  it('names the unknown environment and exits non-zero', async () => {
    const failure = await run(tsx, [join(root, 'scripts', 'package.ts'), '--env', 'nowhere'], { cwd: root })
      .then(() => undefined, (caught: { code: number; stderr: string }) => caught);
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain("Unknown environment 'nowhere'");
  });

  it('builds the named environment into build/appPackage', async () => {
    const { stdout } = await run(tsx, [join(root, 'scripts', 'package.ts'), '--env', 'playground'], { cwd: root });
    expect(stdout.trim()).toBe(`${join('build', 'appPackage', 'appPackage.playground.zip')}: manifest.json, color.png, outline.png, en.json`);
    const zip = await JSZip.loadAsync(readFileSync(join(root, 'build', 'appPackage', 'appPackage.playground.zip')));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
  });
});
