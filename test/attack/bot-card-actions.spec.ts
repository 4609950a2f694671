/**
 * The bot's card actions under attack, at its HTTP endpoint: every verb of the verb table from
 * another unit's staff member (refused as not found, nothing changed, nothing of the other unit
 * shown), and every form of a personnummer people type in every free-text field a card sends
 * (refused on the card, the number never stored). The verbs come from the table itself, so a new
 * verb is walked without being listed here; a verb the walk has no data for fails the walk.
 * Forged Bot Framework tokens at the same endpoint are in api-tokens.spec.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { personalIdentityNumbers } from '../../src/domain/testing/personal-identity-corpus';
import { lists, type Entities } from '../../src/lists/lists';
import { createMemoryStore, type MemoryStore } from '../../src/store/memory-store';
import { ACTION_COMMENT, ACTION_DONE, ACTION_NEW_DATE } from '../../bot/cards/reminder-card';
import { FOLLOW_UP_EDIT, FOLLOW_UP_REFRESH, FOLLOW_UP_SUBMIT } from '../../bot/cards/follow-up-card';
import { cardVerbs } from '../../bot/flows/verbs';
import { startHarness, type Harness } from '../../bot/testing/harness';
import { cardActionActivity, OUTSIDER, seed, seedOtherUnit, TEACHER, type Seeded } from '../../bot/testing/fixtures';

let store: MemoryStore<Entities>;
let h: Harness;
let seeded: Seeded;

beforeEach(async () => {
  store = createMemoryStore<Entities>(lists);
  seeded = await seed(store);
  await seedOtherUnit(store);
  h = await startHarness(store);
});
afterEach(async () => {
  await h.close();
});

const followUpData = (): Record<string, unknown> => ({ lang: 'sv', meetingId: seeded.meetingId, templateId: seeded.templateId, templateVersion: 2, q_styrkor: 'Utifrån', q_delaktighet: '3' });
const actionData = (): Record<string, unknown> => ({ lang: 'sv', actionId: seeded.actionIds[0] ?? '', dueDate: '2026-06-01', comment: 'Utifrån' });

/** What each verb of the table sends from its card, with everything it may carry. */
const dataFor: Record<string, () => Record<string, unknown>> = {
  [FOLLOW_UP_SUBMIT]: followUpData,
  [FOLLOW_UP_REFRESH]: followUpData,
  [FOLLOW_UP_EDIT]: followUpData,
  [ACTION_DONE]: actionData,
  [ACTION_NEW_DATE]: actionData,
  [ACTION_COMMENT]: actionData,
};

/** Everything a card action could change or create, to compare before and after. */
async function state(): Promise<string> {
  const [responses, actions] = await Promise.all([store.queryAll('followUpResponses', {}), store.queryAll('actions', {})]);
  return JSON.stringify({ responses: responses.map((r) => [r.id, r.etag]), actions: actions.map((a) => [a.id, a.etag]) });
}

describe('attack: card actions from another unit', () => {
  it('has walk data for every verb of the table', () => {
    expect(cardVerbs.all().map((entry) => entry.verb).filter((verb) => !dataFor[verb])).toEqual([]);
  });

  it.each(cardVerbs.all().map((entry) => [entry.verb]))('refuses %s from another unit\'s staff as not found, changing and showing nothing', async (verb) => {
    const before = await state();
    const data = (dataFor[verb] ?? (() => ({})))();
    const res = await h.post(cardActionActivity({ serviceUrl: h.connector.url, id: `outsider-${verb}`, from: OUTSIDER, verb, data }));
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, type: 'application/vnd.microsoft.error', value: { code: 'NotFound', message: expect.stringContaining('inte tillgång') } });
    const text = JSON.stringify(res.body);
    for (const secret of ['Resultatkonferens vt', 'Vilka styrkor', 'Läsfrämjande insats åk 4', 'Kim Lärare']) expect(text).not.toContain(secret);
    expect(await state()).toBe(before);
    // nothing went out of band either
    expect(h.connector.activities).toHaveLength(0);
  });
});

describe('attack: a personnummer in every free-text field of a card', () => {
  /**
   * The card free-text fields: a follow-up's text answers, a reminder card's comment. (followUp.edit
   * only shows the form again with the saved answers; what it carries is never stored.)
   */
  const fields: { name: string; verb: string; data: (text: string) => Record<string, unknown>; stored: () => Promise<string> }[] = [
    {
      name: 'a follow-up text answer',
      verb: FOLLOW_UP_SUBMIT,
      data: (text) => ({ ...followUpData(), q_styrkor: text }),
      stored: async () => JSON.stringify((await store.queryAll('followUpResponses', {})).map((r) => r.fields)),
    },
    {
      name: 'an action comment',
      verb: ACTION_COMMENT,
      data: (text) => ({ ...actionData(), comment: text }),
      stored: async () => JSON.stringify((await store.get('actions', seeded.actionIds[0] ?? '')).fields),
    },
  ];

  for (const field of fields) {
    it.each(personalIdentityNumbers.map(([text, number]) => [text, number]))(`refuses %j in ${field.name} on the card, and stores nothing of it`, async (text, number) => {
      const before = await state();
      const res = await h.post(cardActionActivity({ serviceUrl: h.connector.url, id: `pnr-${field.verb}-${text}`, from: TEACHER, verb: field.verb, data: field.data(text) }));
      expect(res.status).toBe(200);
      const body = JSON.stringify(res.body);
      expect(body).toContain('personnummer');
      expect(body).not.toContain('Något gick fel');
      expect(await state()).toBe(before);
      expect(await field.stored()).not.toContain(number);
    });
  }
});
