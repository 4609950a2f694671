import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Meeting } from '../../../../src/contract';
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
      'GET /api/units/1/meetings': () => ({ items: [meeting('50', 'Resultatkonferens HT', '2025-11-10T13:00:00Z', '2025-11-10T15:00:00Z'), meeting('51', 'Resultatkonferens VT', '2099-05-10T13:00:00Z')] }),
      'GET /api/meetings/50/responses': () => ({ items: [item('60', { meetingId: '50', templateId: '70', templateVersion: 1, respondentId: 'u', answeredAt: '2025-11-11T08:00:00Z', answers: [{ questionId: 'styrkor', text: 'Vi lyfte styrkorna först.' }, { questionId: 'nytta', scale: 3 }] })] }),
      'GET /api/follow-up-templates/resultsConference': () => item('70', { meetingType: 'resultsConference', version: 1, questions: [
        { id: 'styrkor', sv: 'Vilka styrkor såg ni?', en: 'Which strengths did you see?', kind: 'text' },
        { id: 'nytta', sv: 'Hur användbart var mötet?', en: 'How useful was the meeting?', kind: 'scale' },
      ] }),
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
});
