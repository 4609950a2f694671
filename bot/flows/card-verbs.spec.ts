/**
 * The card verb walk, like src/api/route-walk.spec.ts: every verb the bot's cards can send is in
 * the verb table with a known permission, the permission the API route for the same change
 * declares; a verb outside the table is refused.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../src/auth/policy';
import { lists, type Entities } from '../../src/lists/lists';
import { createMemoryStore, type MemoryStore } from '../../src/store/memory-store';
import { SUBMIT_VERB_FIELD } from '../cards/card';
import { systemClock } from '../outbox/clock';
import { routerToWalk, walkRoutes } from '../../src/api/spec-helpers';
import { sampleCards } from '../testing/sample-cards';
import { cardTurn, seed, TEACHER, wiredFor } from '../testing/fixtures';
import { BotFlows } from './bot-flows';
import { Conversations } from './conversations';
import { cardVerbs } from './verbs';

type Json = Record<string, unknown>;

/** Every verb in a card: its buttons (in shown cards too), their Action.Submit fallbacks, its refresh. */
function verbsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(verbsIn);
  if (!value || typeof value !== 'object') return [];
  const node = value as Json;
  const own = node['type'] === 'Action.Execute' && typeof node['verb'] === 'string' ? [node['verb']] : [];
  const submitted = node['type'] === 'Action.Submit' && typeof (node['data'] as Json | undefined)?.[SUBMIT_VERB_FIELD] === 'string' ? [String((node['data'] as Json)[SUBMIT_VERB_FIELD])] : [];
  return [...own, ...submitted, ...Object.values(node).flatMap(verbsIn)];
}

const emitted = [...new Set(sampleCards.flatMap(({ card }) => verbsIn(card.content)))].sort();
const table = cardVerbs.all();

describe('the card verb table', () => {
  it('has every verb a card the bot builds can send', () => {
    expect(emitted.length).toBeGreaterThanOrEqual(6);
    expect(emitted.filter((verb) => !table.some((entry) => entry.verb === verb))).toEqual([]);
  });

  it('declares a known permission on every verb, never a public one', () => {
    const without = table.filter((entry) => !PERMISSIONS.includes(entry.permission) || entry.permission === 'public' || entry.permission === 'me.read');
    expect(without).toEqual([]);
  });

  it('asks for each change what the API route for the same change declares', () => {
    const routes = walkRoutes(routerToWalk());
    const permissionOf = (method: string, path: string) => routes.find((route) => route.methods.includes(method) && route.path === path)?.permission;
    const sameAs: Record<string, string | undefined> = {
      'followUp.submit': permissionOf('put', '/meetings/:id/responses/me'),
      'followUp.refresh': permissionOf('put', '/meetings/:id/responses/me'),
      'followUp.edit': permissionOf('put', '/meetings/:id/responses/me'),
      'action.done': permissionOf('patch', '/actions/:id'),
      'action.newDate': permissionOf('patch', '/actions/:id'),
      'action.comment': permissionOf('patch', '/actions/:id'),
    };
    expect(Object.fromEntries(table.map((entry) => [entry.verb, entry.permission]))).toEqual(sameAs);
  });
});

describe('a verb outside the table', () => {
  let store: MemoryStore<Entities>;
  beforeEach(async () => {
    store = createMemoryStore<Entities>(lists);
    await seed(store);
  });

  it('is refused with a 400, like a malformed body', async () => {
    const flows = new BotFlows({ store, ...(await wiredFor(store)), conversations: new Conversations({ store }), outbox: { enqueue: async () => {}, enqueueAll: async () => {} }, clock: systemClock, log: () => {} });
    expect(await flows.onCardAction(cardTurn('units.delete', { unitId: '1' }, TEACHER))).toMatchObject({ kind: 'error', status: 400 });
  });
});
