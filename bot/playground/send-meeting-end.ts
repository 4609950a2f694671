/**
 * Sends a Teams meetingEnd event to the local bot, as if the Playground's group chat were a
 * meeting chat that just ended. With `--link`, first links that chat to a demo meeting of
 * Björkskolan through the API (as the principal persona), so the bot has a meeting to close.
 *
 *   npx tsx bot/playground/send-meeting-end.ts [--link | --link-only] [--bot http://localhost:3978]
 *     [--service-url http://localhost:56150/_connector]
 *
 * `--link-only` links and sends nothing, so the meeting can be ended from the Playground with the
 * custom activity of bot/README.md.
 *
 * Replies (the summary, then one follow-up card per member) appear in the Playground.
 */
import { randomUUID } from 'node:crypto';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
const bot = option('--bot', 'http://localhost:3978').replace(/\/$/, '');
const serviceUrl = option('--service-url', 'http://localhost:56150/_connector');
// the same ids as .m365agentsplayground.yml beside this file
const chatId = '19:meeting_kvalitetshjulet-demo@thread.v2';
const teamsMeetingId = 'MCMxOTptZWV0aW5nX2t2YWxpdGV0c2hqdWxldC1kZW1v';
const tenantId = '1a0000aa-0000-4000-8000-0000000000aa';

async function json(url: string, init: RequestInit = {}): Promise<unknown> {
  const res = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

async function link(): Promise<void> {
  const token = (await json(`${bot}/dev-idp/token`, { method: 'POST', body: JSON.stringify({ persona: 'principal-bjork' }) })) as { access_token: string };
  const auth = { authorization: `Bearer ${token.access_token}` };
  const units = (await json(`${bot}/api/units`, { headers: auth })) as { items?: { id: string; name: string }[] } | { id: string; name: string }[];
  const list = Array.isArray(units) ? units : units.items ?? [];
  const unit = list.find((u) => u.name.startsWith('Björkskolan')) ?? list[0];
  if (!unit) throw new Error('no unit to link the meeting to');
  await json(`${bot}/api/meetings/link`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ teamsMeetingId, chatId, unitId: unit.id, type: 'resultsConference', title: 'Resultatkonferens (demo)', startsAt: new Date().toISOString() }),
  });
  process.stdout.write(`linked ${chatId} to ${unit.name}\n`);
}

if (args.includes('--link') || args.includes('--link-only')) await link();
if (args.includes('--link-only')) process.exit(0);
const activity = {
  type: 'event',
  name: 'application/vnd.microsoft.meetingEnd',
  id: randomUUID(),
  timestamp: new Date().toISOString(),
  serviceUrl,
  channelId: 'msteams',
  from: { id: '29:1cecilia-ek', aadObjectId: '1a000000-0000-4000-8000-000000000003', name: 'Cecilia Ek' },
  recipient: { id: '28:kvalitetshjulet-local', name: 'Kvalitetshjulet' },
  conversation: { id: chatId, conversationType: 'groupChat', isGroup: true, tenantId },
  channelData: { tenant: { id: tenantId }, meeting: { id: teamsMeetingId } },
  value: { Id: teamsMeetingId, MeetingType: 'Scheduled', JoinUrl: 'https://teams.microsoft.com/l/meetup-join/demo', Title: 'Resultatkonferens (demo)', EndTime: new Date().toISOString() },
  locale: 'sv-SE',
};
const res = await fetch(`${bot}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
process.stdout.write(`meetingEnd → ${bot}/api/messages: ${res.status}\n`);
