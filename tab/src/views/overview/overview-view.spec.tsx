import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Overview } from '../../../../src/contract';
import type { Language } from '../../i18n/i18n';
import { item, renderWithSession } from '../../testing/render';
import OverviewView from './overview-view';

const overview: Overview = {
  unit: item('1', { name: 'Björkskolan F–6', type: 'grundskola', schoolUnitCode: '91234501', principalIds: [] }),
  schoolYear: '2025/26',
  cycle: { schoolYear: '2025/26', phases: { followUp: 'done', analysis: 'inProgress', planning: 'notStarted', implementation: 'notStarted' }, current: 'analysis' },
  goals: [], indicators: [], latestMeasurements: [], openActions: [], overdueActions: [], nextMeetings: [], nextActivities: [], openDeficiencies: [],
};

/** The phase cards in order: each card's heading, and the rest of its text (question and state). */
async function phaseCards(language: Language): Promise<[string, string][]> {
  renderWithSession(<OverviewView unitId="1" />, { 'GET /api/units/1/overview': () => overview }, language);
  const cycle = await screen.findByRole('region', { name: /2025\/26/ });
  return within(cycle).getAllByRole('listitem').map((card) => {
    const heading = within(card).getByRole('heading', { level: 3 }).textContent ?? '';
    return [heading, (card.textContent ?? '').slice(heading.length)];
  });
}

describe('OverviewView', () => {
  afterEach(cleanup);

  it('asks each phase of the cycle its own question, as Skolverket\'s wheel does', async () => {
    expect(await phaseCards('sv')).toEqual([
      ['Uppföljning', 'Var är vi?Klar'],
      ['Analys', 'Varför blev det som det blev när vi gjorde som vi gjorde?Pågår'],
      ['Planering', 'Vart ska vi? Hur gör vi?Ej påbörjad'],
      ['Genomförande', 'Hur blev det?Ej påbörjad'],
    ]);
  });

  it('asks the same questions in English', async () => {
    expect(await phaseCards('en')).toEqual([
      ['Follow-up', 'Where are we?Done'],
      ['Analysis', 'Why did it turn out as it did when we did what we did?In progress'],
      ['Planning', 'Where are we going? How do we get there?Not started'],
      ['Implementation', 'How did it go?Not started'],
    ]);
  });
});
