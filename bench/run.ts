/**
 * `npm run bench`: runs every benchmark module in bench/ (each exports `run(): Promise<string[]>`)
 * and prints its lines: `bench: <name>: <value> <unit> (<ratio>x vs <baseline>)`.
 * `npm run bench -- store-overview` runs only the named ones.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface BenchModule {
  run(): Promise<string[]>;
}

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const modules = readdirSync(here)
  .filter((file) => file.endsWith('.ts') && file !== 'run.ts' && !file.endsWith('.spec.ts') && !file.startsWith('_'))
  .filter((file) => only.length === 0 || only.includes(file.replace(/\.ts$/, '')))
  .sort();

let failed = false;
for (const file of modules) {
  const module = (await import(pathToFileURL(join(here, file)).href)) as Partial<BenchModule>;
  if (typeof module.run !== 'function') continue;
  try {
    for (const line of await module.run()) console.log(line);
  } catch (error) {
    failed = true;
    console.error(`bench: ${file}: failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
}
process.exit(failed ? 1 : 0);
