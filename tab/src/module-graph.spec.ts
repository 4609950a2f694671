/**
 * The tab's modules import one another without a circle (type imports and lazy `import()` count
 * too): each view depends on what is below it, never on what shows it.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) && !/\.spec\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The tab's own modules a file imports, by path. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map((imported) => imported.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => path.resolve(path.dirname(file), name))
    .flatMap((base) => [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].filter((candidate) => existsSync(candidate)).slice(0, 1))
    .filter((target) => target.startsWith(root + path.sep));
}

/** Circles in the graph as the files around them: at least one whenever there is any. */
function circles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const visit = (file: string, trail: string[]): void => {
    const at = trail.indexOf(file);
    if (at >= 0) {
      found.push(trail.slice(at).map((entry) => path.relative(root, entry)));
      return;
    }
    if (done.has(file)) return;
    for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
    done.add(file);
  };
  for (const file of graph.keys()) visit(file, []);
  return found;
}

describe('the tab\'s modules', () => {
  const graph = new Map(sources(root).map((file) => [file, importsOf(file)]));

  it('are read, with their imports', () => {
    expect(graph.get(path.join(root, 'app.tsx'))).toContain(path.join(root, 'route.ts'));
    expect(graph.size).toBeGreaterThan(100);
  });

  it('import one another without a circle', () => {
    expect(circles(graph)).toEqual([]);
  });

  it('would see a circle', () => {
    const [a, b, c] = ['a.ts', 'b.ts', 'c.ts'].map((name) => path.join(root, name));
    expect(circles(new Map([[a ?? '', [b ?? '']], [b ?? '', [c ?? '']], [c ?? '', [a ?? '']]]))).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });
});
