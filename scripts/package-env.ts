/**
 * Reads an Agents Toolkit environment: `env/.env.<name>` (committed, no secrets), with
 * `env/.env.<name>.user` (secrets, git-ignored) filling the keys it leaves empty. Same precedence
 * as the toolkit (`envUtil.readEnv`): a non-empty value in `.env.<name>` wins over `.user`, and a
 * value set in the process environment wins over both files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type EnvironmentValues = Readonly<Record<string, string>>;

/** Parses dotenv text: `KEY=value` lines, `#` comments, optional single or double quotes. */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    const [, key = '', rawValue = ''] = match;
    let value = rawValue.trim();
    const quoted = /^(['"])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2] ?? '';
    else value = value.replace(/\s+#.*$/, '');
    values[key] = value;
  }
  return values;
}

export interface LoadEnvironmentOptions {
  /** repository root holding `env/` */
  root: string;
  /** environment name: dev, local, playground */
  env: string;
  /** values that win over the files (the CLI passes process.env); only keys the files declare are taken */
  overrides?: Readonly<Record<string, string | undefined>>;
}

/** Path of the committed env file of an environment. */
export function envFilePath(root: string, env: string): string {
  return join(root, 'env', `.env.${env}`);
}

/** Loads an environment; throws when its committed env file does not exist. */
export function loadEnvironment(options: LoadEnvironmentOptions): EnvironmentValues {
  const path = envFilePath(options.root, options.env);
  if (!existsSync(path)) throw new Error(`Unknown environment '${options.env}': ${path} does not exist.`);
  const values = parseEnvFile(readFileSync(path, 'utf8'));
  const userPath = `${path}.user`;
  if (existsSync(userPath)) {
    for (const [key, value] of Object.entries(parseEnvFile(readFileSync(userPath, 'utf8')))) if (!values[key]) values[key] = value;
  }
  for (const key of Object.keys(values)) {
    const override = options.overrides?.[key];
    if (override !== undefined && override !== '') values[key] = override;
  }
  return values;
}
