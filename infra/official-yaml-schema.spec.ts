import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schema = JSON.parse(readFileSync(join(root, 'infra', 'schemas', 'teamsapp-v1.11.yaml.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const load = (file: string): Record<string, unknown> => parse(readFileSync(join(root, file), 'utf8')) as Record<string, unknown>;

describe('the lifecycle files against the toolkit’s own v1.11 schema', () => {
  it.each(['teamsapp.yml', 'teamsapp.local.yml', 'm365agents.playground.yml'])('%s is valid', (file) => {
    const document = load(file);
    expect(document.version).toBe('v1.11');
    expect(validate(document), JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toBe(true);
  });

  it('refuses an unknown top-level key and an unknown action', () => {
    expect(validate({ ...load('teamsapp.yml'), deployEverywhere: true })).toBe(false);
    expect(validate({ version: 'v1.11', provision: [{ uses: 'teamsApp/teleport', with: {} }] })).toBe(false);
  });
});
