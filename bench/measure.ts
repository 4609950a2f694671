/** Small helpers shared by the benchmarks. */
import { resourceUnits } from '../src/store/middleware/resource-units';

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export async function time<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

/** One line in the bench format. `ratio` is how many times better than the baseline. */
export function benchLine(name: string, value: number, unit: string, ratio: number, baseline: string): string {
  const shown = value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
  return `bench: ${name}: ${shown} ${unit} (${ratio.toFixed(1)}x vs ${baseline})`;
}

/** A fetch that adds up the SharePoint resource units of every request it sends (a `$batch` the sum of its requests). */
export function resourceUnitCounter(): { fetch: typeof fetch; spent(): number } {
  let units = 0;
  return {
    fetch: (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      units += resourceUnits((init?.method ?? 'GET').toUpperCase(), url, init?.body);
      return fetch(input, init);
    },
    spent: () => units,
  };
}
