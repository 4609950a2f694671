/**
 * kill -9 in the middle of a 50-participant fan-out, then a restart: every card arrives once.
 * The bot runs in a child process over the lists emulator persisting to disk; the fake connector
 * runs here, so it sees every request across both lives of the bot.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeConnector, type FakeConnector } from '../testing/fake-connector';
import { teamsAppWindows, teamsConversationWindows } from './rate-limiter';
import { runChild as run, until } from '../testing/child';
import { MEETING_CHAT, teamsIdOf, userN } from '../testing/fixtures';

const PARTICIPANTS = 50;

describe('outbox: kill -9 in the middle of a fan-out', () => {
  let connector: FakeConnector;
  let dataDir: string;
  beforeAll(async () => {
    // the fake connector enforces Teams' limits: any request over them is refused with a 429
    connector = await startFakeConnector({ appWindows: teamsAppWindows, conversationWindows: teamsConversationWindows });
    connector.setMembers(MEETING_CHAT, Array.from({ length: PARTICIPANTS }, (_, i) => ({ id: teamsIdOf(userN(i + 1)), aadObjectId: userN(i + 1), name: `Deltagare ${i + 1}` })));
    dataDir = mkdtempSync(path.join(tmpdir(), 'bot-fanout-'));
  });
  afterAll(async () => {
    await connector?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers every card exactly once after a restart', { timeout: 90_000 }, async () => {
    const config = { dataDir, connectorUrl: connector.url, leaseMs: 1_500, appLimitPerSecond: 50 };
    const first = run({ ...config, phase: 'start' });
    await until(() => connector.activities.length >= 15, 40_000);
    first.proc.kill('SIGKILL');
    expect(await first.exited).toBe(null);
    const beforeRestart = connector.activities.length;
    expect(beforeRestart).toBeLessThan(PARTICIPANTS + 1); // it really died midway

    const second = run({ ...config, phase: 'resume' });
    expect(await second.exited).toBe(0);
    expect(second.lines.at(-1)).toEqual({ pending: 0, done: PARTICIPANTS + 1 });

    // one summary in the meeting chat, one follow-up card in each participant's 1:1 chat
    expect(connector.activitiesIn(MEETING_CHAT)).toHaveLength(1);
    const perConversation = new Map<string, number>();
    for (const a of connector.activities) perConversation.set(a.conversationId, (perConversation.get(a.conversationId) ?? 0) + 1);
    expect(connector.activities).toHaveLength(PARTICIPANTS + 1);
    expect([...perConversation.values()].every((n) => n === 1)).toBe(true);
    expect(connector.created.size).toBe(PARTICIPANTS);
    // a restarted instance does not know what the dead one sent in the last second: the
    // connector may answer 429 a few times, and those are retried, never lost
    process.stdout.write(`fan-out crash: ${beforeRestart} delivered before kill -9; 429s ${connector.stats.throttled}; re-sends absorbed by delivery id: ${connector.stats.duplicatesSuppressed}\n`);
  });
});
