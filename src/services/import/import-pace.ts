/**
 * What an import costs in SharePoint resource units and how long the tenant's budget makes it
 * take. The preview states the duration and the worker paces its writes by the same numbers, so
 * what the preview says is what the worker does.
 *
 * Graph's costs (src/store/middleware/resource-units.ts): 2 for a write or a query, 1 for a single
 * item read; a `$batch` costs the sum of its requests.
 */
import { batchLimit } from '../../store/port';

/**
 * The share of the tenant's budget an import spends. The rest (a tenth: 125 units a minute in a
 * small tenant) is left to the views and the bot: a view's mirror round costs 1 unit a list (a
 * delta with a token, some ten lists) and views at the same moment share one round, so that is a
 * dozen rounds a minute while the import runs; every request also goes through the store's own
 * throttle at the whole budget, so the tab waits its turn there and never meets a 429.
 */
export const importShare = 0.9;

/**
 * Rows in one stored chunk of an import. A chunk is a Jobs item whose payload holds its rows as
 * JSON: 400 rows are some 50 kB, well under SharePoint's limit for a multi-line text column, and
 * 70,000 rows are 175 items (a chunk is written, read and checkpointed once).
 */
export const chunkRows = 400;

/** Rows in one `$batch` of the worker's writes: Graph's limit. */
export const batchRows = batchLimit;

/** What the import writes: new results and changed ones. */
export interface ImportRowCounts {
  readonly create: number;
  readonly update: number;
}

/** Units per write, per chunk (stored, read, checkpointed) and per job (created, finished; its ResultImports item created, marked done). */
const writeUnits = 2;
const chunkUnits = 2 + 1 + 2;
const jobUnits = 2 + 2 + 2 + 2;

/** The resource units an import spends, from its staging to its last checkpoint. */
export function importUnits(rows: ImportRowCounts): number {
  const total = rows.create + rows.update;
  if (total === 0) return 0;
  return total * writeUnits + Math.ceil(total / chunkRows) * chunkUnits + jobUnits;
}

/** Resource units per row written (the bench line's number). */
export function unitsPerRow(rows: ImportRowCounts): number {
  const total = rows.create + rows.update;
  return total === 0 ? 0 : importUnits(rows) / total;
}

/** The import's own budget: its share of the tenant's units a minute. */
export function importBudget(tenantUnitsPerMinute: number): number {
  return Math.max(1, Math.floor(tenantUnitsPerMinute * importShare));
}

/** Whole minutes the import takes at `unitsPerMinute` (at least 1 for anything to write). */
export function importMinutes(rows: ImportRowCounts, unitsPerMinute: number): number {
  const units = importUnits(rows);
  return units === 0 ? 0 : Math.max(1, Math.ceil(units / unitsPerMinute));
}

/** Time as the worker sees it: a minute can be shortened (the bench runs a budget minute in a second). */
export interface PaceClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/**
 * What the pace lets go at once: one `$batch` of creates. No more, so that a fixed minute of
 * SharePoint's (the budget is counted per window) never holds a burst on top of the rate.
 */
export const paceBurst = 2 * batchRows;

/**
 * Spends units at no more than `unitsPerMinute`: one `$batch` at once, then each unit when the
 * schedule since the start allows it. `spend` waits until the units are due.
 */
export class Pace {
  private readonly start: number;
  private spent = 0;

  constructor(private readonly unitsPerMinute: number, private readonly clock: PaceClock, private readonly minuteMs = 60_000) {
    this.start = clock.now();
  }

  async spend(units: number): Promise<void> {
    this.spent += units;
    const due = this.start + ((this.spent - paceBurst) / this.unitsPerMinute) * this.minuteMs;
    const wait = due - this.clock.now();
    if (wait > 0) await this.clock.sleep(wait);
  }
}
