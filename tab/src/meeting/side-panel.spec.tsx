import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reply } from '../testing/fetch-stub';
import { item, renderWithSession } from '../testing/render';
import type { MeetingLive } from '../../../src/contract';
import { MeetingApi } from './meeting-api';
import { SidePanel } from './side-panel';
import { ApiClient } from '../api/client';
import { stubFetch } from '../testing/fetch-stub';
import { standaloneMeetingHost } from './meeting-host';

const teacher = '1a000000-0000-4000-8000-000000000005';

function live(overrides: Partial<MeetingLive> = {}): MeetingLive {
  return {
    meeting: {
      ...item('5', {
        type: 'resultsConference' as const, title: 'Resultatkonferens HT', unitId: '1', startsAt: '2026-03-10T13:00:00Z', schoolYear: '2025/26',
        participants: [{ role: 'pupils' as const, count: 4 }],
        agenda: [{ id: '1', title: 'Resultat', notes: 'Första texten', version: 'v1' }],
      }),
    },
    actions: [item('9', {
      title: 'Läsfrämjande insats', unitId: '1', ownerId: teacher, ownerName: 'Elin Berg', dueDate: '2026-05-01', status: 'planned' as const,
      originKind: 'meeting' as const, originId: '5', schoolYear: '2025/26',
    })],
    responses: [],
    template: item('2', { meetingType: 'resultsConference' as const, version: 1, questions: [{ id: 'q', sv: 'Vilka styrkor ser du?', en: 'Which strengths do you see?', kind: 'text' as const }] }),
    people: [{ userId: teacher, name: 'Elin Berg', roles: ['owner', 'you'] }],
    canRecord: true,
    version: 'tag-1',
    ...overrides,
  };
}

describe('SidePanel', () => {
  afterEach(cleanup);

  it('shows the agenda, the actions with owners, the template questions and the counted participants', async () => {
    renderWithSession(<SidePanel meetingId="5" host={standaloneMeetingHost} inTeams={false} />, {
      'GET /api/meetings/5/live': () => live(),
      'GET /api/units/1/goals': () => ({ items: [] }),
    });
    expect(await screen.findByRole('heading', { name: 'Resultatkonferens HT' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Resultat' })).toBeTruthy();
    expect(screen.getByText('Läsfrämjande insats')).toBeTruthy();
    expect(screen.getByText('Ansvarig: Elin Berg')).toBeTruthy();
    expect(screen.getByText('Vilka styrkor ser du?')).toBeTruthy();
    expect(screen.getByText('Elever: 4')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Dela till scenen' })).toBeNull();
  });

  it('opens at the action the owner\'s in-meeting notification links to: scrolled into view, focused, marked as the one shown', async () => {
    const second = item('10', {
      title: 'Kartlägga studiero', unitId: '1', ownerId: teacher, ownerName: 'Elin Berg', dueDate: '2026-04-30', status: 'planned' as const,
      originKind: 'meeting' as const, originId: '5', schoolYear: '2025/26',
    });
    const scrolled: Element[] = [];
    // jsdom lays nothing out and has no scrollIntoView: record which element asked to be shown
    const scrollIntoView = vi.fn(function (this: Element) {
      scrolled.push(this);
    });
    Element.prototype.scrollIntoView = scrollIntoView;
    try {
      renderWithSession(<SidePanel meetingId="5" host={standaloneMeetingHost} inTeams={false} actionId="10" />, {
        'GET /api/meetings/5/live': () => live({ actions: [...live().actions, second] }),
        'GET /api/units/1/goals': () => ({ items: [] }),
      });
      await screen.findByText('Kartlägga studiero');
      const shown = screen.getAllByTestId('meeting-action').find((element) => element.textContent?.includes('Kartlägga studiero'));
      await waitFor(() => expect(document.activeElement).toBe(shown));
      expect(shown?.getAttribute('aria-current')).toBe('true');
      expect(scrolled).toEqual([shown]);
      expect(scrollIntoView).toHaveBeenCalledWith({ block: 'center' });
      const other = screen.getAllByTestId('meeting-action').find((element) => element.textContent?.includes('Läsfrämjande insats'));
      expect(other?.getAttribute('aria-current')).toBeNull();
    } finally {
      Reflect.deleteProperty(Element.prototype, 'scrollIntoView');
    }
  });

  it('saves notes with the item\'s version and shows the current text when someone else changed the item', async () => {
    const { seen } = renderWithSession(<SidePanel meetingId="5" host={standaloneMeetingHost} inTeams={false} />, {
      'GET /api/meetings/5/live': () => live(),
      'GET /api/units/1/goals': () => ({ items: [] }),
      'PATCH /api/meetings/5/agenda/1': () => reply(409, { status: 409, code: 'conflict', detail: 'changed', current: { id: '1', title: 'Resultat', notes: 'Deras nya text', version: 'v2' } }),
    });
    const notes = await screen.findByLabelText('Anteckningar: Resultat');
    fireEvent.change(notes, { target: { value: 'Min text' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara anteckningar' }));
    const conflict = await within(screen.getByTestId('agenda-1')).findByTestId('conflict', {}, { timeout: 5_000 });
    expect(conflict.textContent).toContain('Deras nya text');
    const patch = seen.find((request) => request.method === 'PATCH');
    expect(patch?.headers['if-match']).toBe('"v1"');
    expect(patch?.body).toEqual({ notes: 'Min text' });
    expect((notes as HTMLTextAreaElement).value).toBe('Min text');
  });

  it('records a new action from one of the unit\'s open deficiencies, with the meeting, and a goal', async () => {
    const created = item('12', {
      title: 'Vuxna i korridoren', unitId: '1', ownerId: teacher, ownerName: 'Elin Berg', dueDate: '2026-04-30', status: 'planned' as const,
      originKind: 'deficiency' as const, originId: '31', meetingId: '5', schoolYear: '2025/26',
    });
    const { seen } = renderWithSession(<SidePanel meetingId="5" host={standaloneMeetingHost} inTeams={false} />, {
      'GET /api/meetings/5/live': () => live(),
      'GET /api/units/1/goals': () => ({ items: [item('40', { title: 'Ökad trygghet', unitId: '1', level: 'unit', schoolYear: '2025/26' })] }),
      'GET /api/units/1/analyses': () => ({ items: [item('21', { unitId: '1', schoolYear: '2025/26', period: '2025/26 HT', status: 'draft' })] }),
      'GET /api/units/1/deficiencies': () => ({
        items: [
          item('30', { title: 'Stängd brist', unitId: '1', source: 'other', foundOn: '2025-10-01', status: 'closed' }),
          item('31', { title: 'Kränkningar vid lunch', unitId: '1', source: 'krankning', foundOn: '2026-02-01', status: 'open' }),
        ],
      }),
      'POST /api/units/1/actions': () => reply(201, created),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Ny åtgärd' }));
    const dialog = await screen.findByRole('dialog');
    expect((screen.getByRole('radio', { name: 'Det här mötet' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.change(screen.getByLabelText('Rubrik', { exact: false }), { target: { value: 'Vuxna i korridoren' } });
    fireEvent.change(screen.getByLabelText('Klart senast', { exact: false }), { target: { value: '2026-04-30' } });
    fireEvent.click(screen.getByRole('radio', { name: 'En av enhetens öppna brister' }));
    const picker = await screen.findByRole('combobox', { name: /^Brist/ });
    // only the open deficiency is offered, and none is chosen for the user
    await waitFor(() => expect([...(picker as HTMLSelectElement).options].map((option) => option.text)).toEqual(['Välj …', 'Kränkningar vid lunch']));
    expect((picker as HTMLSelectElement).value).toBe('');
    fireEvent.change(picker, { target: { value: '31' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Mål' }), { target: { value: '40' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(dialog.isConnected).toBe(false));
    const post = seen.find((request) => request.method === 'POST');
    expect(post?.body).toMatchObject({
      title: 'Vuxna i korridoren', ownerId: teacher, ownerName: 'Elin Berg', dueDate: '2026-04-30',
      originKind: 'deficiency', originId: '31', meetingId: '5', goalId: '40',
    });
  });

  it('records the meeting as origin and as meetingId by default, and says where an action from an analysis comes from', async () => {
    const fromAnalysis = item('10', {
      title: 'Formativ bedömning i åk 5', unitId: '1', ownerId: teacher, ownerName: 'Elin Berg', dueDate: '2026-06-01', status: 'planned' as const,
      originKind: 'analysis' as const, originId: '21', meetingId: '5', schoolYear: '2025/26',
    });
    const base = live();
    const { seen } = renderWithSession(<SidePanel meetingId="5" host={standaloneMeetingHost} inTeams={false} />, {
      'GET /api/meetings/5/live': () => ({ ...base, actions: [...base.actions, fromAnalysis] }),
      'GET /api/units/1/goals': () => ({ items: [] }),
      'GET /api/units/1/analyses': () => ({ items: [] }),
      'GET /api/units/1/deficiencies': () => ({ items: [] }),
      'POST /api/units/1/actions': () => reply(201, fromAnalysis),
    });
    const row = (await screen.findByText('Formativ bedömning i åk 5')).closest('li');
    expect(row?.textContent).toContain('Utgår från en analys');
    expect(screen.getByText('Läsfrämjande insats').closest('li')?.textContent).not.toContain('Utgår från');
    fireEvent.click(screen.getByRole('button', { name: 'Ny åtgärd' }));
    await screen.findByRole('dialog');
    fireEvent.change(screen.getByLabelText('Rubrik', { exact: false }), { target: { value: 'Mötets åtgärd' } });
    fireEvent.change(screen.getByLabelText('Klart senast', { exact: false }), { target: { value: '2026-04-30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(seen.some((request) => request.method === 'POST')).toBe(true));
    expect(seen.find((request) => request.method === 'POST')?.body).toMatchObject({ originKind: 'meeting', originId: '5', meetingId: '5' });
  });

  it('writes the meeting\'s date in the app\'s language, not the browser\'s', async () => {
    const routes = { 'GET /api/meetings/5/live': () => live(), 'GET /api/units/1/goals': () => ({ items: [] }) };
    expect(navigator.language).toMatch(/^en/);
    renderWithSession(<SidePanel meetingId="5" host={standaloneMeetingHost} inTeams={false} />, routes);
    expect(await screen.findByText('Resultatkonferens · 10 mars 2026')).toBeTruthy();
    expect(screen.getByText('Klart senast: 1 maj 2026')).toBeTruthy();
    cleanup();
    renderWithSession(<SidePanel meetingId="5" host={standaloneMeetingHost} inTeams={false} />, routes, 'en');
    expect(await screen.findByText('Results conference · 10 Mar 2026')).toBeTruthy();
    expect(screen.getByText('Due date: 1 May 2026')).toBeTruthy();
  });

  it('speaks English when the tab does', async () => {
    renderWithSession(<SidePanel meetingId="5" host={standaloneMeetingHost} inTeams={false} />, {
      'GET /api/meetings/5/live': () => live(),
      'GET /api/units/1/goals': () => ({ items: [] }),
    }, 'en');
    expect(await screen.findByRole('heading', { name: 'Actions from the meeting' })).toBeTruthy();
    expect(screen.getByText('Which strengths do you see?')).toBeTruthy();
  });
});

describe('MeetingApi.live', () => {
  it('asks with If-None-Match and answers null when nothing changed', async () => {
    const stub = stubFetch({ 'GET /api/meetings/5/live': () => reply(304, undefined, false) });
    const api = new MeetingApi(new ApiClient({ fetch: stub.fetch, getToken: async () => 't' }));
    await waitFor(async () => expect(await api.live('5', 'tag-1')).toBeNull());
    expect(stub.seen[0]?.headers['if-none-match']).toBe('"tag-1"');
  });
});
