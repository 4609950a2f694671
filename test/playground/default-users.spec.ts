import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/api/log';
import { loadConfig } from '../../src/config';
import { createServer, type KvalitetshjuletServer, type StartedServer } from '../../src/server';
import { freePort, startPlayground, type RunningPlayground } from '../../bot/playground/playground-process';

interface PlaygroundConfig {
  config?: { currentUser?: { id?: string; aadObjectId?: string }; personalChat?: { id?: string } };
}

interface Exchange {
  conversationId?: string;
  request: unknown;
  response: { statusCode: number; body: unknown };
}

/**
 * Microsoft 365 Agents Playground as someone new starts it, from a folder without our mock data:
 * its own default users, whose ids are no Entra object ids ("user-id-0", an aadObjectId with a
 * last group of 13 digits). The bot must still answer them.
 */
describe('the Playground with its default users', () => {
  const work = mkdtempSync(join(tmpdir(), 'kvalitetshjulet-playground-default-'));
  const recording = join(work, 'events.log');
  const logs: string[] = [];
  let server: KvalitetshjuletServer | undefined;
  let started: StartedServer | undefined;
  let playground: RunningPlayground | undefined;

  beforeAll(async () => {
    const port = await freePort();
    const config = loadConfig({ PORT: '0', MODE: 'local', LOG_LEVEL: 'info', DATA_DIR: join(work, 'data') });
    const log = createLogger({ level: 'info', sink: (line: string) => void logs.push(line) });
    server = createServer(config, { log, inMemory: true, tabDir: join(work, 'no-tab'), botConnectorUrl: `http://127.0.0.1:${port}/_connector` });
    started = await server.start();
    playground = await startPlayground({ endpoint: `${started.url}/api/messages`, port, cwd: work, env: { M365_AGENTS_PLAYGROUND_RECORDING_FILE: recording, M365_AGENTS_PLAYGROUND_LOGFILE: join(work, 'playground.log') } });
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    await playground?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('answers "hjälp" from the default user with the help card', async () => {
    if (!playground) throw new Error('no Playground');
    const { config } = (await (await fetch(`${playground.url}/_internal/v1/config`)).json()) as PlaygroundConfig;
    const user = config?.currentUser?.id ?? '';
    const chat = config?.personalChat?.id ?? '';
    // the Playground's defaults, as it ships them: not the ids Teams or Entra would give
    expect(user).toBe('user-id-0');
    expect(config?.currentUser?.aadObjectId).toBe('00000000-0000-0000-0000-0000000000020');
    const recordingOn = await fetch(`${playground.url}/_internal/v1/configDebugOptions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"eventsRecordingEnabled":true}' });
    expect(recordingOn.status).toBe(200);
    // what the Playground's chat box does when the user writes in the personal chat
    const sent = await fetch(`${playground.url}/_conversation/v1/conversations/${encodeURIComponent(chat)}/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ from: { id: user }, text: 'hjälp', textFormat: 'plain' }),
    });
    expect(sent.status).toBe(200);
    const deadline = Date.now() + 20_000;
    let log = '';
    while (Date.now() < deadline && !/Det här kan jag hjälpa till med|Something went wrong|Något gick fel/.test(log)) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      log = existsSync(recording) ? readFileSync(recording, 'utf8') : '';
    }
    const entries = log.split('\n---\n').filter((entry) => entry.trim() !== '').map((entry) => JSON.parse(entry) as Exchange);
    const reply = entries.find((entry) => entry.conversationId === chat && JSON.stringify(entry.request).includes('AdaptiveCard'));
    expect(JSON.stringify(reply?.request), log.slice(0, 2_000)).toContain('Det här kan jag hjälpa till med');
    expect(log).not.toMatch(/Something went wrong|Något gick fel/);
    // and the reference is stored under the id the Playground sends, for reminders later
    const stored = await started?.store.queryAll('botConversations', { filter: [{ field: 'conversationId', op: 'eq', value: chat }] });
    expect(stored?.map((item) => item.fields.userId)).toEqual(['00000000-0000-0000-0000-0000000000020']);
    expect(logs.filter((line) => line.includes('not stored'))).toEqual([]);
  }, 40_000);
});
