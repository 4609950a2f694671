/**
 * Offline validation of the app manifest and its localization files against the JSON schemas that
 * @microsoft/app-manifest ships, so packaging and tests never fetch a schema over the network.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';

type SchemaKind = 'manifest' | 'localization';

const schemaFiles: Record<SchemaKind, string> = {
  manifest: 'MicrosoftTeams.schema.json',
  localization: 'MicrosoftTeams.Localization.schema.json',
};

function schemaDirectory(): string {
  const entry = createRequire(import.meta.url).resolve('@microsoft/app-manifest');
  return join(dirname(entry), 'json-schemas', 'teams');
}

/** Loads a bundled schema for a manifest version such as "1.30"; throws if the package lacks it. */
export function loadBundledSchema(kind: SchemaKind, manifestVersion: string): object {
  const path = join(schemaDirectory(), `v${manifestVersion}`, schemaFiles[kind]);
  if (!existsSync(path)) throw new Error(`No bundled ${kind} schema for manifest version ${manifestVersion} (${path})`);
  // The published schemas contain \a and \v escapes, which JSON does not allow.
  const text = readFileSync(path, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  return JSON.parse(text) as object;
}

function manifestVersionOf(manifest: unknown): string {
  const version = (manifest as { manifestVersion?: unknown } | null)?.manifestVersion;
  if (typeof version !== 'string') throw new Error('The manifest has no manifestVersion');
  return version;
}

type Validate = (value: object, schema: object) => Promise<string[]>;
const validateAgainst = AppManifestUtils.validateAgainstSchema.bind(AppManifestUtils) as unknown as Validate;

/** Schema errors of a rendered manifest (empty when valid). */
export async function validateManifest(manifest: object): Promise<string[]> {
  return validateAgainst(manifest, loadBundledSchema('manifest', manifestVersionOf(manifest)));
}

/**
 * Schema errors of a localization file for the given manifest version (empty when valid).
 * The package's own validator cannot compile this schema (its key patterns are not valid
 * Unicode-mode regular expressions), so it is compiled here without the `u` flag; the schema
 * uses nothing that differs between draft-04 and the draft Ajv speaks.
 */
export async function validateLocalization(localization: object, manifestVersion: string): Promise<string[]> {
  const { $schema: _draft, ...schema } = loadBundledSchema('localization', manifestVersion) as Record<string, unknown>;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv, ['uri']);
  const validate = ajv.compile(schema);
  if (validate(localization)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
}
