import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Meeting, MeetingLive } from '../../../../src/contract';
import { item, renderWithSession } from '../../testing/render';
import MeetingsView, { followUpState } from './meetings-view';

const meeting = (id: string, title: string, startsAt: string, endedAt?: string): Meeting =>
  item(id, { type: 'resultsConference' as const, title, unitId: '1', startsAt, ...(endedAt ? { endedAt } : {}), schoolYear: '2025/26', participants: [], agenda: [] });

describe('MeetingsView', () => {
  afterEach(cleanup);

  it('derives the follow-up state from the meeting\'s end and the answers', () => {
    const now = '2026-01-10T00:00:00Z';
    expect(followUpState(meeting('1', 'a', '2026-02-01T10:00:00Z'), 0, now)).toBe('upcoming');
    // held but never ended: its questions were never sent, so nobody is waited for
    expect(followUpState(meeting('1', 'a', '2026-01-01T10:00:00Z'), 0, now)).toBe('notSent');
    expect(followUpState(meeting('1', 'a', '2026-01-01T10:00:00Z', '2026-01-01T11:00:00Z'), 0, now)).toBe('waiting');
    expect(followUpState(meeting('1', 'a', '2026-01-01T10:00:00Z', '2026-01-01T11:00:00Z'), 3, now)).toBe('answered');
  });

  it('lists the meetings with their state and shows the answers with the template\'s questions', async () => {
    renderWithSession(<MeetingsView unitId="1" />, {
      'GET /api/units/1/meetings': () => ({ items: [held, meeting('51', 'Resultatkonferens VT', '2099-05-10T13:00:00Z')] }),
      'GET /api/meetings/50/responses': () => ({ items: responses }),
      'GET /api/meetings/50/live': () => live(),
    });
    expect(await screen.findByText('1 svar')).toBeTruthy();
    expect(screen.getByText('Kommande')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: /Resultatkonferens HT/ }));
    expect(await screen.findByText('Vilka styrkor såg ni?')).toBeTruthy();
    expect(screen.getByText(/Vi lyfte styrkorna först\./)).toBeTruthy();
    expect(screen.getByText('3 av 4')).toBeTruthy();
    // the count stands once, on the meeting, not again over its answers
    expect(screen.getAllByText('1 svar')).toHaveLength(1);
  });

  it('shows when Teams said the meeting started and ended, beside its date', async () => {
    renderWithSession(<MeetingsView unitId="1" />, {
      'GET /api/units/1/meetings': () => ({ items: [{ ...held, startedAt: '2025-11-10T13:02:00Z' }, meeting('51', 'Resultatkonferens VT', '2099-05-10T13:00:00Z')] }),
      'GET /api/meetings/50/responses': () => ({ items: responses }),
    });
    // the hour is the browser's time zone's; the minutes are the event's
    expect(await screen.findByText(/^Resultatkonferens · 10 nov\. 2025 · Startade \d\d:02 · Slutade \d\d:00$/)).toBeTruthy();
    // a meeting that has not been held says neither
    expect(screen.getByText(/^Resultatkonferens · 10 maj 2099$/)).toBeTruthy();
  });

  it('shows a held meeting\'s record: decisions and notes under their agenda items, actions with owners, participants', async () => {
    renderWithSession(<MeetingsView unitId="1" />, {
      'GET /api/units/1/meetings': () => ({ items: [held] }),
      'GET /api/meetings/50/responses': () => ({ items: responses }),
      'GET /api/meetings/50/live': () => live(),
    });
    await userEvent.click(await screen.findByRole('button', { name: /Resultatkonferens HT/ }));
    const record = await screen.findByTestId('meeting-summary');
    expect(within(record).getAllByTestId('summary-decision').map((li) => li.textContent)).toEqual([
      'Resultat i matematik: Matematiklyftet fortsätter i åk 4–6', 'Resultat i matematik: Uppföljning i maj',
    ]);
    expect(within(record).getByTestId('summary-note').textContent).toBe('Resultat i matematikSkillnaden mellan klasserna växer.');
    expect(within(record).getByTestId('summary-joined').textContent).toBe('3 anslöt till Teams-mötet.');
    expect(within(record).getByTestId('summary-action').textContent).toContain('Läsfrämjande insats · Ansvarig: Elin Berg');
    expect(within(record).getByText('Elever: 4')).toBeTruthy();
    expect(within(record).getByRole('heading', { level: 3, name: 'Anteckningar' })).toBeTruthy();
  });
});

const held = item('50', {
  type: 'resultsConference' as const, title: 'Resultatkonferens HT', unitId: '1', startsAt: '2025-11-10T13:00:00Z', endedAt: '2025-11-10T15:00:00Z',
  schoolYear: '2025/26', participants: [{ role: 'pupils' as const, count: 4 }],
  attendees: ['1', '2', '3'].map((n) => ({ userId: `1a000000-0000-4000-8000-00000000000${n}`, teamsId: `29:1-${n}`, inMeeting: false })),
  agenda: [
    { id: 'a1', title: 'Resultat i matematik', notes: 'Skillnaden mellan klasserna växer.', decisions: ['Matematiklyftet fortsätter i åk 4–6', 'Uppföljning i maj'] },
    { id: 'a2', title: 'Övrigt' },
  ],
});

const responses = [item('60', { meetingId: '50', templateId: '70', templateVersion: 1, respondentId: 'u', answeredAt: '2025-11-11T08:00:00Z', answers: [{ questionId: 'styrkor', text: 'Vi lyfte styrkorna först.' }, { questionId: 'nytta', scale: 3 }] })];

function live(): MeetingLive {
  return {
    meeting: { ...held, agenda: held.agenda.map((agendaItem) => ({ ...agendaItem, version: `v-${agendaItem.id}` })) },
    actions: [item('9', {
      title: 'Läsfrämjande insats', unitId: '1', ownerId: '1a000000-0000-4000-8000-000000000005', ownerName: 'Elin Berg', dueDate: '2026-05-01',
      status: 'planned' as const, originKind: 'meeting' as const, originId: '50', schoolYear: '2025/26',
    })],
    responses,
    template: item('70', { meetingType: 'resultsConference' as const, version: 1, questions: [
      { id: 'styrkor', sv: 'Vilka styrkor såg ni?', en: 'Which strengths did you see?', kind: 'text' as const },
      { id: 'nytta', sv: 'Hur användbart var mötet?', en: 'How useful was the meeting?', kind: 'scale' as const },
    ] }),
    people: [],
    canRecord: false,
    version: 'tag-1',
  };
}
