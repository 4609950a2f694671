import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MeetingLive } from '../../../src/contract';
import { item, renderWithSession } from '../testing/render';
import { DetailsView } from './details-view';

const live: MeetingLive = {
  meeting: item('5', {
    type: 'resultsConference' as const, title: 'Resultatkonferens VT', unitId: '1', startsAt: '2026-03-10T13:00:00Z', schoolYear: '2025/26',
    participants: [], agenda: [],
  }),
  actions: [],
  responses: [],
  template: item('2', {
    meetingType: 'resultsConference' as const, version: 3,
    beforeQuestions: [
      { id: 'before-changed', sv: 'Vad har förändrats sedan förra konferensen?', en: 'What has changed since the last conference?', kind: 'text' as const },
      { id: 'before-groups', sv: 'Skiljer sig flickors och pojkars resultat?', kind: 'text' as const },
    ],
    questions: [{ id: 'styrkor', sv: 'Vilka styrkor såg ni?', en: 'Which strengths did you see?', kind: 'text' as const }],
  }),
  people: [],
  canRecord: true,
  version: 'tag-1',
};

const routes = {
  'GET /api/meetings/5/live': () => live,
  'GET /api/units/1/meetings': () => ({ items: [] }),
  'GET /api/units/1/measurements': () => ({ items: [] }),
  'GET /api/indicators': () => ({ items: [] }),
  'GET /api/units/1/actions': () => ({ items: [] }),
  'GET /api/units/1/analyses': () => ({ items: [] }),
};

describe('DetailsView, Inför mötet', () => {
  afterEach(cleanup);

  it('shows the meeting type\'s questions to prepare, not those asked afterwards', async () => {
    renderWithSession(<DetailsView meetingId="5" now={new Date('2026-03-01T08:00:00Z')} />, routes);
    const questions = await screen.findByTestId('template-questions-before');
    expect(within(questions).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Vad har förändrats sedan förra konferensen?', 'Skiljer sig flickors och pojkars resultat?',
    ]);
    expect(screen.queryByText('Vilka styrkor såg ni?')).toBeNull();
  });

  it('falls back to the Swedish text of a question that has no English', async () => {
    renderWithSession(<DetailsView meetingId="5" now={new Date('2026-03-01T08:00:00Z')} />, routes, 'en');
    const questions = await screen.findByTestId('template-questions-before');
    expect(within(questions).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'What has changed since the last conference?', 'Skiljer sig flickors och pojkars resultat?',
    ]);
  });
});
