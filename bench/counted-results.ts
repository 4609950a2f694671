/**
 * What counting results costs a view: the school year of a large municipality (70,000 results)
 * while an import runs over a fifth of them (half changed, half created), with 300 imports in
 * the ResultImports list. `resultsAsSeen` (the complete imports in a set, once a call) against the
 * naive way, each result finding its import in the list.
 */
import type { Measurement, ResultImport } from '../src/domain';
import { resultsAsSeen } from '../src/services/counted-results';
import type { StoredItem } from '../src/store/port';
import { benchLine } from './measure';

const at = '2027-03-01T08:00:00Z';
const RESULTS = 70_000;
const IMPORTS = 300;
const ROUNDS = 20;

function fixture() {
  const imports: StoredItem<ResultImport>[] = Array.from({ length: IMPORTS }, (_, n) => ({
    id: String(n + 1), etag: `"{i${n}},1"`, createdAt: at, modifiedAt: at,
    // the last one runs, every other one is done
    fields: { jobId: String(1_000 + n), state: n === IMPORTS - 1 ? 'running' : 'done', changedAt: at },
  }));
  const results: StoredItem<Measurement>[] = Array.from({ length: RESULTS }, (_, n) => {
    const running = n % 5 === 0;
    const importId = running ? String(1_000 + IMPORTS - 1) : n % 5 === 1 ? String(1_000 + (n % (IMPORTS - 1))) : undefined;
    const fields: Measurement = {
      indicatorId: String(1 + (n % 12)), unitId: String(100 + (n % 600)), period: '2026/27', schoolYear: '2026/27', value: n % 300,
      ...(importId !== undefined ? { importId } : {}), ...(running && n % 10 === 0 ? { beforeImport: { value: 1 } } : {}),
    };
    return { id: String(10_000 + n), etag: `"{m${n}},1"`, createdAt: at, modifiedAt: at, fields };
  });
  return { view: { all: () => imports }, imports, results };
}

/** The naive count: each result looks for its import in the list. */
function naive(imports: readonly StoredItem<ResultImport>[], results: readonly StoredItem<Measurement>[]): StoredItem<Measurement>[] {
  return results.flatMap((item) => {
    const { importId, beforeImport } = item.fields;
    if (importId === undefined || imports.find((i) => i.fields.jobId === importId)?.fields.state === 'done') return [item];
    return beforeImport ? [{ ...item, fields: { ...item.fields, value: beforeImport.value } }] : [];
  });
}

function best(work: () => unknown): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

export async function run(): Promise<string[]> {
  const { view, imports, results } = fixture();
  const counted = resultsAsSeen(view, results);
  const expected = naive(imports, results);
  if (counted.length !== expected.length || counted.some((item, n) => item.fields.value !== expected[n]?.fields.value)) throw new Error('the two counts differ');
  const ms = best(() => resultsAsSeen(view, results));
  const naiveMs = best(() => naive(imports, results));
  return [benchLine('counted results, a year of 70,000 while an import runs', ms, 'ms', naiveMs / ms, 'each result finding its import in the list')];
}
