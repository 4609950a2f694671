/** Mounts the bot endpoint on an express app on port 0, with a fake connector, for HTTP tests. */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import type { Entities } from '../../src/lists/lists';
import type { ChangeFeed } from '../../src/store/changes';
import type { Store } from '../../src/store/port';
import { startedMirror } from '../../src/store/test-kit';
import { createBotEndpoint, type BotEndpoint, type BotEndpointOptions } from '../index';
import { startFakeConnector, type FakeConnector, type FakeConnectorOptions } from './fake-connector';

export interface Harness {
  url: string;
  bot: BotEndpoint;
  connector: FakeConnector;
  logs: string[];
  post(activity: unknown, raw?: boolean): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

/** The bot over `store` as the server wires it: writes through the mirror, scans and Mina åtgärder from it. */
export async function startHarness(
  store: Store<Entities> & ChangeFeed<Entities>,
  options: Partial<BotEndpointOptions> & { connector?: FakeConnectorOptions } = {},
): Promise<Harness> {
  const connector = await startFakeConnector(options.connector);
  const logs: string[] = [];
  const mirror = await startedMirror(store, store);
  const bot = createBotEndpoint({ store: mirror.store, readModel: mirror.readModel, mode: 'local', log: (m) => logs.push(m), ...options });
  const app = express();
  app.use(express.json({ limit: '256kb' }));
  app.post('/api/messages', (req, res) => bot.handle(req, res));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
  return {
    url,
    bot,
    connector,
    logs,
    async post(activity, raw = false) {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw ? String(activity) : JSON.stringify(activity) });
      const text = await res.text();
      let body: unknown = text;
      try { body = text ? JSON.parse(text) : undefined; } catch { /* not JSON */ }
      return { status: res.status, body };
    },
    async close() {
      await bot.close();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await connector.close();
    },
  };
}
