import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/api/log';
import { loadConfig } from '../../src/config';
import { createServer, type KvalitetshjuletServer } from '../../src/server';
import { freePort, startPlayground, type RunningPlayground } from '../../bot/playground/playground-process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const playgroundDir = join(root, 'bot', 'playground');

/** The JSON block bot/README.md gives for the Playground's custom activity, as a reader copies it. */
function customActivityText(): string {
  const readme = readFileSync(join(root, 'bot', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('Custom activity'));
  const block = /\n( *)```json\n([\s\S]*?)\n\1```/.exec(section);
  if (!block) throw new Error('bot/README.md has no ```json block after "Custom activity"');
  const indent = block[1] ?? '';
  return (block[2] ?? '').split('\n').map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line)).join('\n');
}

interface Activity {
  channelId?: string;
  serviceUrl?: string;
  from?: { id?: string; aadObjectId?: string };
  recipient?: { id?: string };
  conversation?: { id?: string; conversationType?: string; isGroup?: boolean; tenantId?: string };
  channelData?: { tenant?: { id?: string }; meeting?: { id?: string } };
  value?: { Id?: string; Title?: string };
  attachments?: { content?: unknown }[];
}

const groupChat = '19:meeting_kvalitetshjulet-demo@thread.v2';

describe('the custom activity in bot/README.md, pasted into the Playground', () => {
  const work = mkdtempSync(join(tmpdir(), 'kvalitetshjulet-playground-'));
  const recording = join(work, 'events.log');
  let server: KvalitetshjuletServer | undefined;
  let playground: RunningPlayground | undefined;
  let serverUrl = '';

  beforeAll(async () => {
    // The bot answers the Playground on the port it took here, whatever port the pasted serviceUrl names.
    const port = await freePort();
    const config = loadConfig({ PORT: '0', MODE: 'local', LOG_LEVEL: 'silent', DATA_DIR: join(work, 'data') });
    server = createServer(config, { log: createLogger({ level: 'silent' }), inMemory: true, tabDir: join(work, 'no-tab'), botConnectorUrl: `http://127.0.0.1:${port}/_connector` });
    serverUrl = (await server.start()).url;
    playground = await startPlayground({ endpoint: `${serverUrl}/api/messages`, port, env: { M365_AGENTS_PLAYGROUND_RECORDING_FILE: recording, M365_AGENTS_PLAYGROUND_LOGFILE: join(work, 'playground.log') } });
  }, 60_000);

  afterAll(async () => {
    // the server first: its outbox may still be sending follow-up cards to the Playground
    await server?.stop();
    await playground?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('is JSON with what the Playground\'s own template for the group chat holds, at the port npm run playground uses', async () => {
    const pasted = JSON.parse(customActivityText()) as Activity & { type: string; name: string };
    expect([pasted.type, pasted.name]).toEqual(['event', 'application/vnd.microsoft.meetingEnd']);
    if (!playground) throw new Error('no Playground');
    const response = await fetch(`${playground.url}/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(groupChat)}`);
    expect(response.status).toBe(200);
    const template = (await response.json()) as Activity;
    const pick = (a: Activity) => ({ channelId: a.channelId, from: { id: a.from?.id, aadObjectId: a.from?.aadObjectId }, recipient: a.recipient?.id, conversation: a.conversation });
    expect(pick(pasted)).toEqual(pick(template));
    expect(pasted.channelData?.tenant?.id).toBe(template.conversation?.tenantId);
    // the template's connector, at the Playground's default port, which npm run playground keeps
    const connector = new URL(template.serviceUrl ?? '');
    connector.port = '56150';
    expect(pasted.serviceUrl).toBe(connector.href);
    const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['playground']).not.toMatch(/\s(-p|--port)\b/);
    const { stdout } = await promisify(execFile)(join(root, 'node_modules', '.bin', 'agentsplayground'), ['--help'], { cwd: playgroundDir, timeout: 20_000 });
    expect(stdout).toMatch(/--port[^\n]*\n[^[]*\[number\] \[default: 56150\]/);
  }, 30_000);

  it('sent exactly as it stands through the Playground, ends the linked meeting: the summary card reaches the group chat', async () => {
    if (!playground) throw new Error('no Playground');
    // link the chat to a meeting, as send-meeting-end.ts --link-only does
    const token = (await (await fetch(`${serverUrl}/dev-idp/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"persona":"principal-bjork"}' })).json()) as { access_token: string };
    const auth = { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' };
    const me = (await (await fetch(`${serverUrl}/api/me`, { headers: auth })).json()) as { units: { unitId: string; name: string }[] };
    const unit = me.units.find((u) => u.name.startsWith('Björkskolan'));
    if (!unit) throw new Error('the demo seed has Björkskolan');
    const pasted = JSON.parse(customActivityText()) as Activity;
    const linked = await fetch(`${serverUrl}/api/meetings/link`, {
      method: 'POST', headers: auth,
      body: JSON.stringify({ teamsMeetingId: pasted.channelData?.meeting?.id, chatId: groupChat, unitId: unit.unitId, type: 'resultsConference', title: 'Resultatkonferens (demo)', startsAt: new Date().toISOString() }),
    });
    expect(linked.status).toBeLessThan(300);

    const recordingOn = await fetch(`${playground.url}/_internal/v1/configDebugOptions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"eventsRecordingEnabled":true}' });
    expect(recordingOn.status).toBe(200);
    // what the Playground's Custom activity dialog does with the editor's text: post it as it stands
    const sent = await fetch(`${playground.url}/_internal/v1/customActivities`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: customActivityText() });
    expect(sent.status).toBe(200);

    // The Playground records each exchange when it completes: the delivery of the pasted activity,
    // and the bot's summary, which the outbox may send before the delivery's answer is recorded.
    const deadline = Date.now() + 20_000;
    let log = '';
    while (Date.now() < deadline && !(/Sammanfattning/.test(log) && log.includes('application/vnd.microsoft.meetingEnd'))) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      log = existsSync(recording) ? readFileSync(recording, 'utf8') : '';
    }
    const entries = log.split('\n---\n').filter((entry) => entry.trim() !== '').map((entry) => JSON.parse(entry) as { conversationId?: string; request: unknown; response: { statusCode: number; body: unknown } });
    // the Playground delivered the pasted activity to the bot, which took it
    const delivered = entries.find((entry) => JSON.stringify(entry.request).includes('application/vnd.microsoft.meetingEnd'));
    expect(delivered?.response.statusCode).toBe(200);
    // and the bot's summary card arrived in the group chat, accepted by the Playground's connector
    const summary = entries.find((entry) => entry.conversationId === groupChat && JSON.stringify(entry.request).includes('Sammanfattning'));
    expect(summary, log.slice(0, 2_000)).toBeDefined();
    expect(JSON.stringify(summary?.request)).toContain('Resultatkonferens (demo)');
    expect(summary?.response.statusCode).toBeLessThan(300);
  }, 40_000);
});
