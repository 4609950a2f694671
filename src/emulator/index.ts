import type { AddressInfo } from 'node:net';
import type { ListDefinition } from '../lists/definition';
import { toGraphColumn } from '../lists/provision-columns';
import { Faults, type FaultOptions, type FaultStats } from './faults';
import { createEmulatorServer } from './http-server';
import type { RouterContext } from './http-types';
import { lockDataFolder, type DataLock } from './data-lock';
import { now } from './list-store';
import { Persistence } from './persistence';
import { SiteState } from './site-state';

export type { FaultOptions, FaultStats } from './faults';
export { CorruptDataError } from './corrupt-data-error';
export { DataFolderLockedError } from './data-lock';

export interface EmulatorOptions {
  /** persist here, holding the folder's lock while running; absent = memory only */
  dataDir?: string;
  /** what start-up recovery did (a stale lock taken over, a torn journal line dropped). Default: stderr */
  log?: (message: string) => void;
  /** default: a fixed `<host>,<guid>,<guid>` id for the demo site */
  siteId?: string;
  /** default 'kvalitetshjulet.sharepoint.com' */
  hostname?: string;
  /** lists to create at start if missing (tests); otherwise lists are made through POST /lists */
  lists?: readonly ListDefinition[];
  /** default 5000 */
  listViewThreshold?: number;
  faults?: FaultOptions;
  /** default 0 (any free port) */
  port?: number;
  /** default '127.0.0.1' */
  host?: string;
}

export interface RunningEmulator {
  /** e.g. 'http://127.0.0.1:41234/v1.0' */
  baseUrl: string;
  siteId: string;
  setFaults(faults: FaultOptions): void;
  stats(): FaultStats;
  /** Makes every delta token issued so far stale (410 resyncRequired), as SharePoint does once it no longer keeps a token's changes. */
  expireDeltaTokens(): void;
  close(): Promise<void>;
}

const defaultHostname = 'kvalitetshjulet.sharepoint.com';
const siteGuids = '7d1d5a0e-3c5b-4d7e-9a51-2f0c6b8e4a11,4b2f9c63-8e1a-4f5d-b0c7-19d3e6a7f852';

/**
 * Starts the Graph-compatible SharePoint lists emulator on loopback. With `dataDir`, every
 * acknowledged write is on disk, and the start fails with DataFolderLockedError when another
 * process holds the folder, or with CorruptDataError (changing nothing) when its data is damaged.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const log = options.log ?? ((message: string) => void process.stderr.write(`${message}\n`));
  const lock = options.dataDir ? lockDataFolder(options.dataDir, { log }) : undefined;
  try {
    return await start(options, log, lock);
  } catch (error) {
    lock?.release();
    throw error;
  }
}

async function start(options: EmulatorOptions, log: (message: string) => void, lock: DataLock | undefined): Promise<RunningEmulator> {
  const hostname = options.hostname ?? defaultHostname;
  const siteId = options.siteId ?? `${hostname},${siteGuids}`;
  const persistence = options.dataDir ? new Persistence({ dataDir: options.dataDir, log }) : undefined;
  const loaded = persistence?.load();
  const state = SiteState.restore(persistence, loaded?.snapshot, loaded?.records ?? []);
  await persistence?.open(() => state.snapshot());

  for (const definition of options.lists ?? []) await ensureList(state, definition);

  const faults = new Faults(options.faults);
  let baseUrl = '';
  const context: RouterContext = {
    state,
    site: { siteId, hostname, created: now() },
    faults,
    listViewThreshold: options.listViewThreshold ?? 5000,
    baseUrl: () => baseUrl,
  };
  const server = createEmulatorServer(context);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/v1.0`;

  let closing: Promise<void> | undefined;
  return {
    baseUrl,
    siteId,
    setFaults: (next) => faults.set(next),
    stats: () => faults.stats(),
    expireDeltaTokens: () => {
      for (const list of state.lists()) list.deltaEpoch++;
    },
    close: () => {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        try {
          await persistence?.close();
        } finally {
          lock?.release();
        }
      })();
      return closing;
    },
  };
}

/** Creates a definition's list, or adds the columns it lacks. */
async function ensureList(state: SiteState, definition: ListDefinition): Promise<void> {
  const existing = state.lists().find((list) => list.meta.displayName.toLowerCase() === definition.displayName.toLowerCase());
  if (!existing) {
    await state.createList({
      displayName: definition.displayName,
      description: definition.description,
      columns: definition.columns.map(toGraphColumn),
      list: { template: 'genericList' },
    });
    return;
  }
  for (const column of definition.columns) {
    if (!existing.column(column.name)) await state.addColumn(existing, toGraphColumn(column));
  }
}
