import { describe, expect, it } from 'vitest';
import { AdaptiveCard15, cardProblems } from '../testing/adaptive-card-schema';
import { sampleCards } from '../testing/sample-cards';
import { SUBMIT_VERB_FIELD } from './card';
import { followUpCard } from './follow-up-card';

type Json = Record<string, unknown>;

/** Every action of a card, those inside Action.ShowCard cards too. */
function actionsOf(card: Json): Json[] {
  const own = (card['actions'] as Json[] | undefined) ?? [];
  return own.flatMap((a) => [a, ...(a['type'] === 'Action.ShowCard' ? actionsOf(a['card'] as Json) : [])]);
}

describe('every card the bot builds', () => {
  it.each(sampleCards)('$name is an Adaptive Card 1.5 by the schema\'s rules', ({ card }) => {
    expect(cardProblems(card.content)).toEqual([]);
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
  });

  it.each(sampleCards)('$name: version 1.5, its language, and a fallback text for clients too old for it', ({ card, lang }) => {
    expect(card.content.version).toBe('1.5');
    expect(card.content.lang).toBe(lang);
    expect(card.content.fallbackText).toMatch(lang === 'sv' ? /Uppdatera Teams/ : /Update Teams/);
  });

  it.each(sampleCards)('$name: every Action.Execute falls back to an Action.Submit with its verb and data, and carries the card\'s language', ({ card, lang }) => {
    for (const action of actionsOf(card.content as unknown as Json).filter((a) => a['type'] === 'Action.Execute')) {
      const data = action['data'] as Json;
      expect(data['lang']).toBe(lang);
      expect(action['fallback']).toEqual({ type: 'Action.Submit', title: action['title'], data: { ...data, [SUBMIT_VERB_FIELD]: action['verb'] }, ...(action['style'] ? { style: action['style'] } : {}) });
    }
  });

  it.each(sampleCards.filter(({ card }) => card.content.refresh))('$name: refreshes for user MRIs, at most 60, in its own language', ({ card, lang }) => {
    const refresh = card.content.refresh as { action: { data: Json }; userIds: string[] };
    expect(refresh.userIds.length).toBeGreaterThan(0);
    expect(refresh.userIds.length).toBeLessThanOrEqual(60);
    for (const id of refresh.userIds) expect(id).toMatch(/^29:/);
    expect(refresh.action.data['lang']).toBe(lang);
  });
});

describe('the Adaptive Card 1.5 rules the test holds cards to', () => {
  const valid = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Hej' }] };

  it('accepts a minimal card, and enumerations in any case', () => {
    expect(cardProblems(valid)).toEqual([]);
    expect(cardProblems({ ...valid, body: [{ type: 'TextBlock', text: 'Hej', weight: 'Bolder', color: 'attention' }] })).toEqual([]);
  });

  it.each([
    ['a top-level card without a version', { type: 'AdaptiveCard', body: [] }],
    ['a property the type does not have', { ...valid, body: [{ type: 'TextBlock', text: 'Hej', colour: 'good' }] }],
    ['a TextBlock without text', { ...valid, body: [{ type: 'TextBlock' }] }],
    ['a value outside an enumeration', { ...valid, body: [{ type: 'TextBlock', text: 'Hej', size: 'huge' }] }],
    ['an input without an id', { ...valid, body: [{ type: 'Input.Text', label: 'Svar' }] }],
    ['a fact without a value', { ...valid, body: [{ type: 'FactSet', facts: [{ title: 'Ägare' }] }] }],
    ['an element type it does not know', { ...valid, body: [{ type: 'Input.Rating', id: 'x' }] }],
    ['an Action.Execute with a property Action.Submit has not', { ...valid, actions: [{ type: 'Action.Execute', verb: 'v', card: {} }] }],
    ['a refresh whose action is no Action.Execute', { ...valid, refresh: { action: { type: 'Action.Submit' }, userIds: [] } }],
    ['refresh userIds that are not strings', { ...valid, refresh: { action: { type: 'Action.Execute', verb: 'v' }, userIds: [1] } }],
  ])('refuses %s', (_what, card) => {
    expect(AdaptiveCard15.safeParse(card).success).toBe(false);
  });
});

describe('followUpCard', () => {
  it('asks a question that has no English in Swedish on an English card', () => {
    const card = followUpCard({
      lang: 'en', meetingId: '3', templateId: '4', respondentMri: '29:1abc',
      meeting: { title: 'Workshop' },
      template: { meetingType: 'workshop', version: 1, questions: [{ id: 'q', sv: 'Vad tar du med dig?', kind: 'text' }, { id: 'r', sv: 'Fråga två', en: 'Question two', kind: 'text' }] },
    });
    const labels = JSON.stringify(card.content.body);
    expect(labels).toContain('"label":"Vad tar du med dig?"');
    expect(labels).toContain('"label":"Question two"');
  });
});
