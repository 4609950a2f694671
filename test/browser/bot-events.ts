/**
 * The bot's side of the browser tests: Teams' events sent to the bot's endpoint over HTTP, as Teams
 * would, and the Adaptive Cards that arrive at the local fake connector read as text.
 */
import { expect } from 'vitest';
import type { FakeConnector } from '../../bot/testing/fake-connector';
import { MEETING_CHAT, cardActionActivity, meetingEndActivity, participantEventActivity, teamsIdOf } from '../../bot/testing/fixtures';
import type { BrowserHarness } from './harness';

/** Every text of an activity's Adaptive Cards, in the order the card shows them. */
export function cardTexts(activity: Record<string, unknown>): string[] {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const element = value as Record<string, unknown>;
      if (typeof element['text'] === 'string') out.push(element['text']);
      if (typeof element['title'] === 'string' && typeof element['value'] === 'string') out.push(`${element['title']} | ${element['value']}`);
      for (const [key, inner] of Object.entries(element)) if (key !== 'text') walk(inner);
    }
  };
  walk(activity['attachments']);
  return out;
}

/** Reads until there is a value, 15 s at most. */
export async function poll<T>(read: () => T | undefined, what: string): Promise<T> {
  for (let attempt = 0; attempt < 150; attempt++) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`never arrived: ${what}`);
}

/** Posts an activity to the bot's endpoint, as Teams does, and expects it taken. */
export async function sendToBot(h: BrowserHarness, activity: object): Promise<void> {
  const response = await fetch(`${h.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  expect(response.status).toBe(200);
}

/** A person in the meeting's chat. */
export interface ChatMember {
  readonly userId: string;
  readonly name: string;
}

/**
 * Ends the fixtures' meeting as Teams does: the chat has `members`, Teams tells the bot that
 * `joined` joined the meeting, then that it ended. Answers the summary card's texts.
 */
export async function endMeeting(h: BrowserHarness, connector: FakeConnector, options: { members: readonly ChatMember[]; joined: readonly ChatMember[]; id: string }): Promise<string[]> {
  connector.setMembers(MEETING_CHAT, options.members.map((p) => ({ id: teamsIdOf(p.userId), aadObjectId: p.userId, name: p.name })));
  await sendToBot(h, { ...participantEventActivity({ serviceUrl: connector.url, event: 'join', users: options.joined.map((p) => p.userId) }), id: `${options.id}-join` });
  await sendToBot(h, meetingEndActivity({ serviceUrl: connector.url, id: options.id }));
  return poll(() => connector.activitiesIn(MEETING_CHAT).map((recorded) => cardTexts(recorded.activity)).find((texts) => texts.some((text) => text.startsWith('Sammanfattning'))), 'the summary card');
}

/**
 * The follow-up cards went to each of `to` (1:1 conversations the bot created) and, a second after
 * the last arrived (the outbox drained), to none of `notTo`.
 */
export async function expectFollowUpsOnly(connector: FakeConnector, { to, notTo }: { to: readonly ChatMember[]; notTo: readonly ChatMember[] }): Promise<void> {
  for (const person of to) await poll(() => connector.created.get(teamsIdOf(person.userId)), `${person.name}'s follow-up`);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  for (const person of notTo) expect(connector.created.has(teamsIdOf(person.userId)), `no follow-up to ${person.name}`).toBe(false);
}

/** The `Action.Execute` actions of an activity's cards, with the data each sends. */
function executeActions(activity: Record<string, unknown>): { verb: string; data: Record<string, unknown> }[] {
  const out: { verb: string; data: Record<string, unknown> }[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const element = value as Record<string, unknown>;
      const { verb, data } = element;
      if (element['type'] === 'Action.Execute' && typeof verb === 'string' && data && typeof data === 'object') out.push({ verb, data: { ...data } });
      Object.values(element).forEach(walk);
    }
  };
  walk(activity['attachments']);
  return out;
}

/**
 * Presses the button `verb` on the card the bot last sent `person` 1:1, with `inputs` typed into
 * its fields (by input id), as Teams sends it: an `adaptiveCard/action` invoke.
 */
export async function pressCardButton(h: BrowserHarness, connector: FakeConnector, person: ChatMember, verb: string, inputs: Record<string, string>): Promise<void> {
  const conversation = await poll(() => connector.created.get(teamsIdOf(person.userId)), `${person.name}'s 1:1 conversation`);
  const action = await poll(() => connector.activitiesIn(conversation).flatMap((recorded) => executeActions(recorded.activity)).filter((a) => a.verb === verb).at(-1), `the ${verb} button on ${person.name}'s card`);
  await sendToBot(h, cardActionActivity({ serviceUrl: connector.url, from: person.userId, verb, data: { ...action.data, ...inputs } }));
}
