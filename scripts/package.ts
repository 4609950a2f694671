/**
 * `tsx scripts/package.ts --env dev|local|playground`: builds build/appPackage/appPackage.<env>.zip
 * from manifest/ and env/.env.<env> (+ .env.<env>.user, + the process environment).
 */
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildAppPackage } from './package-build';
import { loadEnvironment } from './package-env';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { env: { type: 'string', default: 'local' } } });
  const env = values.env ?? 'local';
  const environment = loadEnvironment({ root, env, overrides: process.env });
  const built = await buildAppPackage({ root, env, values: environment });
  console.log(`${relative(root, built.zipPath)}: ${built.files.join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
