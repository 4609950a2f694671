/**
 * A year of results imported as a background job within the tenant's budget.
 *
 * The import of 70,000 rows at 1,250 resource units a minute takes some 126 minutes of budget
 * (the import spends nine tenths of it: 1,125 a minute). The bench shortens the budget's minute to
 * one second of real time and measures a slice of 7,000 rows (a tenth; the cost per row and the
 * rate do not depend on the count past the first chunk), then states the whole 70,000 from it.
 *
 * Every request goes through a gate that plays SharePoint: it counts each request's resource
 * units (a `$batch` the sum of its requests) in fixed one-"minute" windows and answers 429 with
 * Retry-After past the tenant's 1,250. The baseline, in the same run, writes the same rows the
 * old way: every `createMany` at once, unpaced, retrying 429s as Retry-After says.
 */
import { startEmulator } from '../src/emulator';
import { allLists, lists, type Entities } from '../src/lists/lists';
import { stageImport, type ChunkRow } from '../src/services/import/import-job';
import { importBudget, importMinutes, importShare, paceBurst, unitsPerRow } from '../src/services/import/import-pace';
import { importClientKey } from '../src/services/import/import-service';
import { ImportWorker } from '../src/services/import/import-worker';
import { resourceUnits } from '../src/store/middleware/resource-units';
import { createGraphStore } from '../src/store/graph-store';

const TENANT_BUDGET = 1_250;
const MINUTE_MS = 1_000;
const SLICE = 7_000;
const WHOLE = 70_000;
const actor = '1a000000-0000-4000-8000-000000000001';

/** SharePoint's budget as a fetch: 429 with Retry-After once a window's units are spent. */
function budgetGate() {
  let windowStart = Date.now();
  let spent = 0;
  const stats = { units: 0, throttled: 0 };
  const gate: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const units = resourceUnits((init?.method ?? 'GET').toUpperCase(), url, init?.body);
    const now = Date.now();
    if (now - windowStart >= MINUTE_MS) [windowStart, spent] = [now - ((now - windowStart) % MINUTE_MS), 0];
    if (spent + units > TENANT_BUDGET) {
      stats.throttled++;
      const wait = Math.max(1, Math.ceil((windowStart + MINUTE_MS - now) / 1_000));
      return new Response(JSON.stringify({ error: { code: 'activityLimitReached', message: 'throttled' } }), { status: 429, headers: { 'content-type': 'application/json', 'retry-after': String(wait) } });
    }
    spent += units;
    stats.units += units;
    return fetch(input, init);
  };
  return { gate, stats };
}

/** `count` new results over two school years (a year's query stays under the list view threshold). */
function rows(count: number, years: readonly [string, string]): ChunkRow[] {
  return Array.from({ length: count }, (_, n) => {
    const schoolYear = years[n % 2] ?? years[0];
    return { change: 'create', indicatorId: String(1 + (n % 20)), unitId: String(1 + Math.floor(n / 20)), period: schoolYear, schoolYear, value: n % 100 };
  });
}

export async function run(): Promise<string[]> {
  const emulator = await startEmulator({ lists: allLists, host: '127.0.0.1' });
  try {
    const storeWith = (gate: typeof fetch) => createGraphStore<Entities>({ baseUrl: emulator.baseUrl, siteId: emulator.siteId, lists, fetch: gate, retry: { maxAttempts: 20, maxDelayMs: 5_000 }, throttle: { resourceUnitsPerMinute: 1_000_000_000 } });
    const reader = createGraphStore<Entities>({ baseUrl: emulator.baseUrl, siteId: emulator.siteId, lists, throttle: { resourceUnitsPerMinute: 1_000_000_000 } });
    const check = async (years: readonly [string, string]) => {
      const stored = (await Promise.all(years.map((schoolYear) => reader.queryAll('measurements', { filter: [{ field: 'schoolYear', op: 'eq', value: schoolYear }] })))).flat();
      const keys = new Set(stored.map((m) => importClientKey(m.fields)));
      return { lost: SLICE - keys.size, duplicated: stored.length - keys.size };
    };

    const jobYears = ['2024/25', '2022/23'] as const;
    const baselineYears = ['2023/24', '2021/22'] as const;
    // the job: staged (its chunks and the job), then run by the worker at the import's share
    const paced = budgetGate();
    const store = storeWith(paced.gate);
    const budget = importBudget(TENANT_BUDGET);
    await stageImport(store, { kind: 'kolada', actor, rows: rows(SLICE, jobYears), unchanged: 0 }, new Date());
    const worker = new ImportWorker(store, { unitsPerMinute: budget, minuteMs: MINUTE_MS });
    const started = Date.now();
    await worker.runNext();
    const minutes = (Date.now() - started) / MINUTE_MS;
    const job = await check(jobYears);
    // what the budget allowed in that time: one $batch at once, then its rate
    const share = paced.stats.units / (budget * minutes + paceBurst);

    // the baseline: the same rows written at once, unpaced
    const unpaced = budgetGate();
    const baselineStarted = Date.now();
    await storeWith(unpaced.gate).createMany('measurements', rows(SLICE, baselineYears).map(({ indicatorId, unitId = '', period, schoolYear, value }) => ({
      clientKey: importClientKey({ indicatorId, unitId, period }), fields: { indicatorId, unitId, period, schoolYear, value },
    })), { actor });
    const baselineMinutes = (Date.now() - baselineStarted) / MINUTE_MS;
    const baseline = await check(baselineYears);

    const perRow = paced.stats.units / SLICE;
    const stated = importMinutes({ create: WHOLE, update: 0 }, budget);
    const slice = `${SLICE.toLocaleString('en')} of ${WHOLE.toLocaleString('en')} rows measured, a budget minute = ${MINUTE_MS} ms of real time`;
    return [
      `bench: import-budget: resource units per row: ${perRow.toFixed(3)} RU/row (${(perRow / 2).toFixed(3)}x vs a bare create's 2; the preview counts ${unitsPerRow({ create: WHOLE, update: 0 }).toFixed(3)}) [${slice}]`,
      `bench: import-budget: achieved rate: ${(share * 100).toFixed(1)} % of the import's budget of ${budget} RU/min (${TENANT_BUDGET} × ${importShare}; ${(share * budget / TENANT_BUDGET * 100).toFixed(1)} % of the tenant's), ${paced.stats.throttled} 429s (${(paced.stats.throttled / Math.max(1, unpaced.stats.throttled)).toFixed(2)}x vs the unpaced baseline's ${unpaced.stats.throttled}) [${slice}]`,
      `bench: import-budget: 70,000 rows at ${TENANT_BUDGET} RU/min: ${(minutes * WHOLE / SLICE).toFixed(0)} budget minutes extrapolated from the slice, the preview states ${stated} (${(minutes * WHOLE / SLICE / stated).toFixed(2)}x vs stated); unpaced baseline ${(baselineMinutes * WHOLE / SLICE).toFixed(0)} minutes with its 429 storm`,
      `bench: import-budget: lost and duplicated: ${job.lost} lost, ${job.duplicated} duplicated (baseline: ${baseline.lost} lost, ${baseline.duplicated} duplicated) [${slice}]`,
    ];
  } finally {
    await emulator.close();
  }
}
