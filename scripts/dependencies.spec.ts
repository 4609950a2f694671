import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const declared = new Set([...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies)]);
const builtins = new Set(builtinModules);

/** `@scope/name/deep` → `@scope/name`, `name/deep` → `name`; relative and node: specifiers give undefined. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0] ?? specifier;
  return builtins.has(name) ? undefined : name;
}

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name) && !entry.parentPath.slice(dir.length).includes('node_modules'))
    .map((entry) => join(entry.parentPath, entry.name));
}

const importPattern = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The packages a file names in import, export-from, import() and require(). */
function packagesImportedBy(file: string): string[] {
  const names: string[] = [];
  for (const match of readFileSync(file, 'utf8').matchAll(importPattern)) {
    const name = packageOf(match[1] ?? match[2] ?? match[3] ?? '');
    if (name) names.push(name);
  }
  return names;
}

/** The tooling folders named in the issue, and every other folder of ours. */
const folders = ['scripts', 'manifest', 'infra', 'bench', 'src', 'bot', 'tab', 'test'];

describe('package.json declares what the code uses', () => {
  it.each(folders)('every package imported under %s/ is a dependency or devDependency', (folder) => {
    const undeclared = filesUnder(join(root, folder), /\.(ts|tsx)$/)
      .flatMap((file) => packagesImportedBy(file).filter((name) => !declared.has(name)).map((name) => `${name} (${file.slice(root.length + 1)})`));
    expect(undeclared).toEqual([]);
  });

  /**
   * Packages whose own build requires a package they list only as their devDependency: installing
   * them alone leaves that require unresolved, so we declare it ourselves. The packaging script
   * loads @microsoft/app-manifest, which requires fs-extra at run time.
   */
  const carried = ['@microsoft/app-manifest'];

  it.each(carried)('whatever %s requires but does not declare, package.json declares', (name) => {
    const entry = createRequire(join(root, 'package.json')).resolve(name);
    const packageDir = entry.slice(0, entry.lastIndexOf(`${name}/`) + name.length);
    const own = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    const required = new Set(filesUnder(packageDir, /\.c?js$/).flatMap(packagesImportedBy));
    const notItsOwn = [...required].filter((dependency) => dependency !== name && !(dependency in (own.dependencies ?? {})));
    expect(notItsOwn.length, `${name} requires only what it declares: drop it from this list`).toBeGreaterThan(0);
    expect(notItsOwn.filter((dependency) => !declared.has(dependency))).toEqual([]);
  });
});
