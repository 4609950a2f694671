/**
 * Issue target: the time from one participant's save to the change on another participant's
 * screen, p50 and p95 over 50 edits, with 100 ms latency per Graph request (the emulator's
 * latency). One client saves (PATCH an action of the meeting); two readers watch at once:
 *
 * - the side panel: polls `GET /api/meetings/:id/live` with If-None-Match (one $batch per poll,
 *   304 when nothing changed);
 * - the baseline, a naive panel: re-reads the meeting, the unit's actions and the follow-up
 *   answers with three separate requests, one after another, without ETags.
 *
 * Both poll every second (the side panel's default is 1.5 s; the same interval keeps the
 * comparison about the cost of a poll). A reader "sees" an edit when its latest read holds the
 * new title. Each edit starts at a random phase of the poll interval.
 */
import { createLogger } from '../src/api/log';
import { loadConfig } from '../src/config';
import { createServer } from '../src/server';
import { benchLine, percentile } from './measure';

const edits = 50;
const intervalMs = 1_000;
const latencyMs = 100;
const seeTimeoutMs = 10_000;

interface Reader {
  readonly name: string;
  /** the latest titles this reader has shown, and when */
  seen: { titles: Set<string>; at: number };
  bytes: number;
  polls: number;
  /** how long each poll took, start to answer read */
  durations: number[];
  stop(): void;
}

function startReader(name: string, poll: () => Promise<{ titles?: Set<string>; bytes: number }>): Reader {
  const reader: Reader = { name, seen: { titles: new Set(), at: 0 }, bytes: 0, polls: 0, durations: [], stop: () => undefined };
  let running = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = async (): Promise<void> => {
    if (!running) return;
    const started = performance.now();
    try {
      const result = await poll();
      reader.polls++;
      reader.durations.push(performance.now() - started);
      reader.bytes += result.bytes;
      if (result.titles) reader.seen = { titles: result.titles, at: performance.now() };
    } catch {
      // a failed poll is retried at the next tick, as the panel does
    }
    // A fixed interval between poll starts, like setInterval in the tab.
    if (running) timer = setTimeout(() => void tick(), Math.max(0, intervalMs - (performance.now() - started)));
  };
  void tick();
  reader.stop = () => {
    running = false;
    clearTimeout(timer);
  };
  return reader;
}

/** Waits until `reader` shows `title`; the time it first did, or NaN after the timeout. */
async function seenAt(reader: Reader, title: string, deadline: number): Promise<number> {
  while (performance.now() < deadline) {
    if (reader.seen.titles.has(title)) return reader.seen.at;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return Number.NaN;
}

export async function run(): Promise<string[]> {
  const config = loadConfig({ PORT: '0', MODE: 'local', LOG_LEVEL: 'silent' });
  const server = createServer(config, { inMemory: true, botScheduler: false, bot: false, log: createLogger({ level: 'silent' }) });
  const started = await server.start();
  const readers: Reader[] = [];
  try {
    const idp = started.devIdp;
    if (!idp) throw new Error('local mode has a dev identity provider');
    const writerToken = await idp.issue('principal-bjork');
    const readerToken = await idp.issue('staff-bjork');
    const units = await started.store.queryAll('units');
    const unit = units.find((candidate) => candidate.fields.name.startsWith('Björkskolan'));
    if (!unit) throw new Error('the demo seed has Björkskolan');
    const api = async (token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const response = await fetch(`${started.url}/api${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await response.text();
      return { status: response.status, text, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    };
    const meeting = await api(writerToken, 'POST', `/units/${unit.id}/meetings`, {
      type: 'resultsConference', title: 'Resultatkonferens (bench)', startsAt: new Date().toISOString(), schoolYear: '2025/26',
      agenda: [{ id: '1', title: 'Resultat' }],
    });
    const meetingId = meeting.json['id'] as string;
    const created = await api(writerToken, 'POST', `/units/${unit.id}/actions`, {
      title: 'Åtgärd 0', ownerId: '1a000000-0000-4000-8000-000000000005', dueDate: '2026-06-01', originKind: 'meeting', originId: meetingId,
    });
    if (created.status !== 201) throw new Error(`create action: ${created.status} ${created.text}`);
    const actionId = created.json['id'] as string;
    let etag = created.json['etag'] as string;
    started.emulator?.setFaults({ latencyMs });

    let version = '';
    readers.push(startReader('live', async () => {
      const response = await api(readerToken, 'GET', `/meetings/${meetingId}/live`, undefined, version ? { 'if-none-match': `"${version}"` } : {});
      if (response.status === 304) return { bytes: 0 };
      if (response.status !== 200) throw new Error(`live: ${response.status}`);
      version = response.json['version'] as string;
      const actions = response.json['actions'] as { title: string }[];
      return { titles: new Set(actions.map((action) => action.title)), bytes: response.text.length };
    }));
    readers.push(startReader('naive', async () => {
      const meetingRead = await api(readerToken, 'GET', `/meetings/${meetingId}`);
      const actionsRead = await api(readerToken, 'GET', `/units/${unit.id}/actions`);
      const responsesRead = await api(readerToken, 'GET', `/meetings/${meetingId}/responses`);
      if (meetingRead.status !== 200 || actionsRead.status !== 200 || responsesRead.status !== 200) throw new Error('naive read failed');
      const actions = (actionsRead.json['items'] as { title: string; originId: string }[]).filter((action) => action.originId === meetingId);
      return { titles: new Set(actions.map((action) => action.title)), bytes: meetingRead.text.length + actionsRead.text.length + responsesRead.text.length };
    }));

    const delays: Record<string, number[]> = { live: [], naive: [] };
    for (let edit = 1; edit <= edits; edit++) {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * intervalMs));
      const title = `Åtgärd ${edit}`;
      const saved = await api(writerToken, 'PATCH', `/actions/${actionId}`, { title }, { 'if-match': etag });
      if (saved.status !== 200) throw new Error(`save: ${saved.status} ${saved.text}`);
      etag = saved.json['etag'] as string;
      const savedAt = performance.now();
      const deadline = savedAt + seeTimeoutMs;
      const [live, naive] = await Promise.all(readers.map((reader) => seenAt(reader, title, deadline)));
      delays['live']?.push(Math.max(0, (live ?? Number.NaN) - savedAt));
      delays['naive']?.push(Math.max(0, (naive ?? Number.NaN) - savedAt));
    }

    const live = delays['live'] ?? [];
    const naive = delays['naive'] ?? [];
    const [liveReader, naiveReader] = readers;
    const within = (samples: number[], ms: number) => samples.filter((value) => value <= ms).length;
    const baseline = 'naive panel: meeting + actions + answers as 3 requests each second, no ETag';
    const liveBytes = (liveReader?.bytes ?? 0) / Math.max(1, liveReader?.polls ?? 1);
    const naiveBytes = (naiveReader?.bytes ?? 0) / Math.max(1, naiveReader?.polls ?? 1);
    return [
      benchLine('meeting-sync save-to-screen p50', percentile(live, 50), 'ms', percentile(naive, 50) / percentile(live, 50), baseline),
      benchLine('meeting-sync save-to-screen p95', percentile(live, 95), 'ms', percentile(naive, 95) / percentile(live, 95), baseline),
      benchLine('meeting-sync poll p50', percentile(liveReader?.durations ?? [], 50), 'ms', percentile(naiveReader?.durations ?? [], 50) / percentile(liveReader?.durations ?? [], 50), baseline),
      benchLine('meeting-sync bytes per poll', liveBytes, 'B', naiveBytes / Math.max(1, liveBytes), baseline),
      benchLine('meeting-sync edits seen within 5 s', within(live, 5_000), `of ${edits}`, within(live, 5_000) / Math.max(1, within(naive, 5_000)), baseline),
    ];
  } finally {
    for (const reader of readers) reader.stop();
    await server.stop();
  }
}
