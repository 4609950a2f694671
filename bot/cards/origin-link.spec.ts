import { describe, expect, it } from 'vitest';
import { originKinds, type Action } from '../../src/domain';
import type { StoredItem } from '../../src/store/port';
import { routeFrom } from '../../tab/src/route';
import { TEACHER } from '../testing/fixtures';
import type { CardElement } from './card';
import { meetingSummaryCard } from './meeting-cards';
import { originUrl } from './origin-link';
import { reminderCard } from './reminder-card';

const TAB = 'https://kvalitet.example.se';
const action = (fields: Partial<Action> = {}): Action => ({
  title: 'Läsfrämjande insats åk 4', unitId: '12', ownerId: TEACHER, ownerName: 'Kim Lärare', dueDate: '2026-03-12', status: 'planned',
  originKind: 'analysis', originId: '2', schoolYear: '2025/26', ...fields,
});
const item = (fields: Action, id: string): StoredItem<Action> => ({ id, etag: '"1,1"', fields, createdAt: '2026-03-01T08:00:00Z', modifiedAt: '2026-03-01T08:00:00Z', createdByUser: TEACHER, modifiedByUser: TEACHER });
const openUrls = (content: unknown): CardElement[] => ((content as { actions?: CardElement[] }).actions ?? []).filter((a) => a.type === 'Action.OpenUrl');
/** Where the tab's own route parser takes the link. */
const routeOf = (url: unknown) => {
  const parsed = new URL(String(url));
  return { origin: parsed.origin, route: routeFrom({ pathname: parsed.pathname, search: parsed.search }) };
};

describe('links from the bot\'s cards to an action\'s origin', () => {
  const expectedView = { analysis: 'analysis', meeting: 'meetings', deficiency: 'deficiencies' } as const;

  it.each(originKinds)('the reminder card opens the unit\'s view of a %s origin in the channel tab', (kind) => {
    const [link, ...rest] = openUrls(reminderCard({ lang: 'sv', actionId: '7', action: action({ originKind: kind }), kind: 'dueSoon', daysLeft: 2, tabUrl: TAB }).content);
    expect(rest).toEqual([]);
    expect(link?.url).toBe(originUrl(TAB, '12', kind));
    expect(routeOf(link?.url)).toEqual({ origin: TAB, route: { page: 'channel', unitId: '12', view: expectedView[kind] } });
    expect(String(link?.title)).toContain('Utgår från');
  });

  it('links the goal an action works towards as well, in the card\'s language', () => {
    const links = openUrls(reminderCard({ lang: 'en', actionId: '7', action: action({ goalId: '5' }), kind: 'overdue', daysLeft: -1, tabUrl: TAB }).content);
    expect(links.map((l) => routeOf(l.url).route)).toEqual([
      { page: 'channel', unitId: '12', view: 'analysis' },
      { page: 'channel', unitId: '12', view: 'goals' },
    ]);
    expect(links.map((l) => l.title)).toEqual(['Comes from: Analysis (open in the tab)', 'The goal (open in the tab)']);
  });

  it('the meeting summary links each place its actions come from, once', () => {
    const meeting = { type: 'resultsConference' as const, title: 'Resultatkonferens vt', unitId: '12', startsAt: '2026-03-10T08:00:00Z', schoolYear: '2025/26', participants: [], agenda: [] };
    const actions = [
      item(action({ originKind: 'meeting', originId: '3', meetingId: '3' }), '7'),
      item(action({ originKind: 'meeting', originId: '3', meetingId: '3' }), '8'),
      item(action({ originKind: 'deficiency', originId: '4', meetingId: '3' }), '9'),
    ];
    const links = openUrls(meetingSummaryCard('sv', meeting, actions, { asked: 2, via: 'joined' }, TAB).content);
    expect(links.map((l) => routeOf(l.url).route)).toEqual([
      { page: 'channel', unitId: '12', view: 'meetings' },
      { page: 'channel', unitId: '12', view: 'deficiencies' },
    ]);
  });

  it('carries no link where the tab\'s address is not known', () => {
    expect(openUrls(reminderCard({ lang: 'sv', actionId: '7', action: action(), kind: 'dueSoon', daysLeft: 2 }).content)).toEqual([]);
  });
});
