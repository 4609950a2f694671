/**
 * How the Microsoft 365 Agents Toolkit (CLI `atk` 1.1.17) fills `${{NAME}}` placeholders when it
 * runs a lifecycle, so a spec can run ours the same way without a tenant and see what it refuses.
 * Each rule names the toolkit code it follows (packages/fx-core in OfficeDev/microsoft-365-agents-toolkit):
 *
 * - Which file an environment runs (`pathUtils.getYmlFilePath`): `m365agents[.local|.playground].yml`
 *   first; then the older names, where only `local` (`teamsapp.local.yml`) and `testtool`
 *   (`teamsapp.testtool.yml`) have a file of their own and every other name, `playground`
 *   included, runs `teamsapp.yml`.
 * - The environment (`envUtil.readEnv`): `env/.env.<env>`; `.env.<env>.user` fills only the keys
 *   `.env.<env>` leaves empty; the process environment wins where it is set; TEAMSFX_ENV is the env.
 * - Provision first gives `APP_NAME_SUFFIX` the environment's name when it is undefined, and
 *   `RESOURCE_SUFFIX` six random characters when a step deploys to Azure (`coordinator.provision`).
 * - A lifecycle file (`Lifecycle.resolveString`): the `with` and `env` of each step, after YAML
 *   parsing and just before the step runs, so a step sees what earlier steps wrote. A name whose
 *   value is undefined or empty stays unresolved and the step is refused ("Unresolved
 *   placeholders"); only APP_NAME_SUFFIX may be empty.
 * - A file a step reads (`expandEnvironmentVariable` + `getEnvironmentVariables`): the ARM
 *   parameters of `arm/deploy`, the Entra manifest of `aadApp/update`, the Teams manifest and its
 *   localization files of the teamsApp steps. Same rule, spaces only inside the braces; a
 *   placeholder left over refuses the step ("Missing environment variables '<names>' for file").
 *   `aadApp/update` first makes up AAD_APP_ACCESS_AS_USER_PERMISSION_ID when its manifest needs one.
 * - Outputs: `writeToEnvironmentFile` names, `::set-teamsfx-env NAME=value` lines a script prints,
 *   and an ARM deployment's outputs under their upper-cased names (`convertOutputs`).
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { loadEnvironment } from '../scripts/package-env';

const lifecyclePlaceholder = /\$\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g;
const filePlaceholder = /\$\{\{ *([a-zA-Z_][a-zA-Z0-9_]*) *\}\}/g;
const mayBeEmpty = new Set(['APP_NAME_SUFFIX']);

type Env = Record<string, string | undefined>;

const hasValue = (name: string, env: Env): boolean => (mayBeEmpty.has(name) ? env[name] !== undefined : Boolean(env[name]));

/**
 * Fills what has a value, replacing the first remaining occurrence of each placeholder in turn
 * with a string replacement (so `$&` in a value means what it means to String.replace, as in the
 * toolkit); lists the rest.
 */
function expand(text: string, pattern: RegExp, env: Env): { text: string; unresolved: string[] } {
  let result = text;
  const unresolved = new Set<string>();
  for (const [placeholder, name = ''] of text.matchAll(pattern)) {
    if (hasValue(name, env)) result = result.replace(placeholder, env[name] ?? '');
    else unresolved.add(name);
  }
  return { text: result, unresolved: [...unresolved] };
}

/** The lifecycle file the toolkit runs for an environment, relative to `root`. */
export function lifecycleFileFor(root: string, env: string): string {
  const suffix = (names: Record<string, string>): string => names[env] ?? '';
  const newer = `m365agents${suffix({ local: '.local', playground: '.playground' })}.yml`;
  if (existsSync(join(root, newer))) return newer;
  return `teamsapp${suffix({ local: '.local', testtool: '.testtool' })}.yml`;
}

/** One refusal, as the toolkit would print it. */
export interface Refusal {
  stage: string;
  step: string;
  /** the lifecycle file, or the file the step read */
  file: string;
  names: string[];
}

interface Step {
  uses: string;
  name?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  writeToEnvironmentFile?: Record<string, string>;
}

export interface LifecycleRun {
  file: string;
  /** the first step the toolkit refuses; the deployer fixes it before running anything further */
  refusal?: Refusal;
  /** every step that ran, as `<stage> <uses>` */
  ran: string[];
  /** every file a step read placeholders from (besides the lifecycle file) */
  read: string[];
  /** the environment after the run, outputs included */
  env: Env;
  /** what each `file/createOrUpdateEnvironmentFile` step would write, by target */
  writtenEnvFiles: Record<string, Record<string, string>>;
}

export interface RunOptions {
  root: string;
  env: string;
  /** values the deployer writes into env/.env.<env> before running (an empty string empties a key) */
  envFile?: Record<string, string>;
  /** the process environment: a non-empty value wins over the files */
  processEnv?: Env;
}

const azureSteps = /^(arm|azureAppService|azureFunctions|azureStorage)\//;

/**
 * Runs provision, deploy and publish as `atk <stage> --env <env>` would, one after the other, with
 * made-up outputs; stops at the first step the toolkit would refuse.
 */
export function runLifecycle(options: RunOptions): LifecycleRun {
  const { root } = options;
  const file = lifecycleFileFor(root, options.env);
  const document = parse(readFileSync(join(root, file), 'utf8')) as Record<string, Step[] | undefined>;
  const files = { ...loadEnvironment({ root, env: options.env }), ...options.envFile };
  const env: Env = { ...files, ...nonEmpty(options.processEnv ?? {}), TEAMSFX_ENV: options.env };
  const run: LifecycleRun = { file, ran: [], read: [], env, writtenEnvFiles: {} };

  for (const stage of ['provision', 'deploy', 'publish']) {
    const steps = document[stage];
    if (!steps) continue;
    if (stage === 'provision') {
      env['APP_NAME_SUFFIX'] ??= options.env;
      if (steps.some((step) => azureSteps.test(step.uses)) && !env['RESOURCE_SUFFIX']) env['RESOURCE_SUFFIX'] = randomUUID().slice(0, 6);
    }
    for (const step of steps) {
      const resolved = resolveStep(step, env);
      if (resolved.unresolved.length > 0) {
        run.refusal = { stage, step: step.uses, file, names: resolved.unresolved };
        return run;
      }
      run.ran.push(`${stage} ${step.uses}`);
      const refusal = readFiles(root, step.uses, resolved.with, env, run.read);
      if (refusal) {
        run.refusal = { stage, step: step.uses, ...refusal };
        return run;
      }
      for (const [name, value] of outputsOf(root, step, resolved.with, env)) env[name] = value;
      if (step.uses === 'file/createOrUpdateEnvironmentFile') {
        run.writtenEnvFiles[String(resolved.with['target'])] = resolved.with['envs'] as Record<string, string>;
      }
    }
  }
  return run;
}

function nonEmpty(values: Env): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => Boolean(entry[1])));
}

function resolveStep(step: Step, env: Env): { with: Record<string, unknown>; unresolved: string[] } {
  const unresolved = new Set<string>();
  const resolve = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const expanded = expand(value, lifecyclePlaceholder, env);
      expanded.unresolved.forEach((name) => unresolved.add(name));
      return expanded.text;
    }
    if (Array.isArray(value)) return value.map(resolve);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, resolve(inner)]));
    return value;
  };
  const resolvedWith = resolve(step.with ?? {}) as Record<string, unknown>;
  resolve(step.env ?? {});
  return { with: resolvedWith, unresolved: [...unresolved] };
}

/** The files a step reads placeholders from; the first one left with a placeholder refuses it. */
function readFiles(root: string, uses: string, inputs: Record<string, unknown>, env: Env, read: string[]): Omit<Refusal, 'stage' | 'step'> | undefined {
  const paths: string[] = [];
  if (uses === 'arm/deploy') {
    for (const template of (inputs['templates'] as { parameters?: string }[] | undefined) ?? []) if (template.parameters) paths.push(template.parameters);
  } else if (uses === 'aadApp/update') {
    const path = String(inputs['manifestPath']);
    if (!env['AAD_APP_ACCESS_AS_USER_PERMISSION_ID'] && /\$\{\{ *AAD_APP_ACCESS_AS_USER_PERMISSION_ID *\}\}/.test(readFileSync(join(root, path), 'utf8'))) {
      env['AAD_APP_ACCESS_AS_USER_PERMISSION_ID'] = randomUUID();
    }
    paths.push(path);
  } else if (uses === 'teamsApp/validateManifest' || uses === 'teamsApp/zipAppPackage') {
    const path = String(inputs['manifestPath']);
    paths.push(path);
    if (uses === 'teamsApp/zipAppPackage') paths.push(...localizationFiles(root, path).map((name) => join(dirname(path), name)));
  }
  for (const path of paths) {
    const relative = path.replace(/^\.\//, '');
    read.push(relative);
    const expanded = expand(readFileSync(join(root, relative), 'utf8'), filePlaceholder, env);
    if (expanded.unresolved.length > 0) return { file: relative, names: expanded.unresolved };
    JSON.parse(expanded.text); // the toolkit parses each of these files; a value that breaks the JSON fails the step too
  }
  return undefined;
}

function localizationFiles(root: string, manifestPath: string): string[] {
  const manifest = JSON.parse(readFileSync(join(root, manifestPath), 'utf8')) as {
    localizationInfo?: { defaultLanguageFile?: string; additionalLanguages?: { file: string }[] };
  };
  const info = manifest.localizationInfo;
  return [...(info?.additionalLanguages ?? []).map((language) => language.file), ...(info?.defaultLanguageFile ? [info.defaultLanguageFile] : [])];
}

/** What a step writes to the environment: made-up values under the names the toolkit uses. */
function outputsOf(root: string, step: Step, inputs: Record<string, unknown>, env: Env): [string, string][] {
  const made = (name: string): [string, string] => [name, /_ID$/.test(name) ? randomUUID() : `${name.toLowerCase().replace(/_/g, '-')}.example`];
  const outputs = Object.values(step.writeToEnvironmentFile ?? {}).map(made);
  if (step.uses === 'script') {
    const printed = execFileSync('sh', ['-c', String(inputs['run'])], { cwd: root, env: { PATH: process.env['PATH'], ...nonEmpty(env) }, encoding: 'utf8', timeout: 10_000 });
    for (const [, name = '', value = ''] of printed.matchAll(/^::set-teamsfx-env ([A-Za-z_][A-Za-z0-9_]*)=(.*)$/gm)) outputs.push([name, value]);
  }
  if (step.uses === 'arm/deploy') {
    for (const template of (inputs['templates'] as { path: string }[] | undefined) ?? []) {
      const bicep = readFileSync(join(root, template.path), 'utf8');
      for (const [, name = ''] of bicep.matchAll(/^output (\w+) /gm)) outputs.push(made(name.toUpperCase()));
    }
  }
  return outputs;
}
