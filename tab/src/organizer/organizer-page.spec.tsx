import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithSession } from '../testing/render';
import OrganizerPage, { organizerAccess } from './organizer-page';
import { recentSchoolYears } from './school-years';
import type { Rollup } from '../../../src/contract';

const cycle = (followUp: 'done' | 'inProgress' | 'notStarted') => ({ schoolYear: '2025/26', phases: { followUp, analysis: 'notStarted', planning: 'inProgress', implementation: 'notStarted' }, current: 'followUp' });
const schoolYear = recentSchoolYears()[0] ?? '';

function rollup(withOwner: boolean): Rollup {
  return {
    schoolYear, years: [schoolYear], today: '2026-03-01',
    units: [
      { unitId: '1', name: 'Björkskolan F–6', type: 'grundskola', schoolUnitCode: '91234501', cycle: cycle('done') as Rollup['units'][number]['cycle'], analysisStatus: 'submitted', feedback: 'waiting', openActions: 1, overdueActions: 1, openDeficiencies: 0, deficienciesWithoutAction: 0, overdueDeficiencies: 0, meetings: 0 },
    ],
    phaseSummary: { followUp: { done: 1, inProgress: 0, notStarted: 0 }, analysis: { done: 0, inProgress: 0, notStarted: 1 }, planning: { done: 0, inProgress: 1, notStarted: 0 }, implementation: { done: 0, inProgress: 0, notStarted: 1 } },
    indicators: [],
    deficiencies: [],
    overdueActions: [{ unitId: '1', actions: [{ id: '9', unitId: '1', title: 'Rutin för studiero', dueDate: '2026-02-01', status: 'planned', originKind: 'analysis', originId: '3', schoolYear, ...(withOwner ? { ownerName: 'Elin Berg' } : {}) }] }],
    commonAreasToDevelop: [],
    awaitingFeedback: [{ unitId: '1', analysisId: '5', submittedAt: '2026-02-10T12:00:00Z' }],
    unreadFeedback: [],
  };
}

afterEach(cleanup);

/** The tabs in order, by their accessible names (Fluent's Tab also renders its label hidden, to reserve the bold width). */
function expectTabs(names: readonly string[]): void {
  const tabs = screen.getAllByRole('tab');
  expect(tabs).toHaveLength(names.length);
  names.forEach((name, i) => expect(screen.getByRole('tab', { name })).toBe(tabs[i]));
}

const me = (appRoles: string[]) => ({ userId: 'u', name: 'n', appRoles, units: [] });
const contact = { name: 'Barn- och utbildningsnämnden', email: 'bun@kommun.se' };
const setUp = () => ({ configured: true, contact, schoolYear });

describe('organizerAccess', () => {
  it('lets the administration edit, the board read, and nobody else in', () => {
    expect(organizerAccess({ appRoles: ['Administration'] })).toBe('edit');
    expect(organizerAccess({ appRoles: ['Board'] })).toBe('read');
    expect(organizerAccess({ appRoles: ['Board', 'Administration'] })).toBe('edit');
    expect(organizerAccess({ appRoles: [] })).toBe('none');
  });
});

describe('OrganizerPage', () => {
  it('gives the administration every view and the roll-up with the states in words', async () => {
    renderWithSession(<OrganizerPage />, {
      'GET /api/me': () => me(['Administration']),
      'GET /api/setup': setUp,
      'GET /api/organizer/rollup': () => rollup(true),
      'GET /api/organizer/imports': () => ({ items: [] }),
    });
    await screen.findByTestId('rollup', {}, { timeout: 5_000 });
    // the comparison and the lists render just after the units' cycle
    await screen.findByTestId('rollup-details', {}, { timeout: 5_000 });
    expectTabs(['Sammanställning', 'Enheter', 'Indikatorer', 'Mål', 'Brister', 'Återkoppling', 'Årshjul', 'Mallar', 'Importera resultat', 'Kvalitetsrapport', 'Kom igång']);
    const row = screen.getByRole('row', { name: /Björkskolan F–6/ });
    expect(within(row).getByText('Klar')).toBeTruthy();
    expect(within(row).getByText('Väntar på återkoppling')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ge återkoppling: Björkskolan F–6' })).toBeTruthy();
    expect(screen.getByText(/Ansvarig: Elin Berg/)).toBeTruthy();
  });

  it('gives the board its four views to read and no button to give feedback', async () => {
    renderWithSession(<OrganizerPage />, {
      'GET /api/me': () => me(['Board']),
      'GET /api/setup': setUp,
      'GET /api/organizer/rollup': () => rollup(false),
    });
    await screen.findByTestId('rollup', {}, { timeout: 5_000 });
    // the comparison and the lists render just after the units' cycle
    await screen.findByTestId('rollup-details', {}, { timeout: 5_000 });
    expectTabs(['Sammanställning', 'Mål', 'Brister', 'Kvalitetsrapport']);
    expect(screen.queryByRole('button', { name: /Ge återkoppling/ })).toBeNull();
    expect(screen.getByText('Rutin för studiero')).toBeTruthy();
    expect(screen.queryByText(/Ansvarig:/)).toBeNull();
  });

  it('speaks English when the tab does', async () => {
    renderWithSession(<OrganizerPage />, {
      'GET /api/me': () => me(['Administration']),
      'GET /api/setup': setUp,
      'GET /api/organizer/rollup': () => rollup(true),
      'GET /api/organizer/imports': () => ({ items: [] }),
    }, 'en');
    await screen.findByTestId('rollup', {}, { timeout: 5_000 });
    // the comparison and the lists render just after the units' cycle
    await screen.findByTestId('rollup-details', {}, { timeout: 5_000 });
    expect(screen.getByRole('tab', { name: 'Year wheel' })).toBeTruthy();
    const row = screen.getByRole('row', { name: /Björkskolan F–6/ });
    expect(within(row).getByText('Waiting for feedback')).toBeTruthy();
  });

  it('opens the set-up guide for the administration while no unit is in use', async () => {
    renderWithSession(<OrganizerPage />, {
      'GET /api/me': () => me(['Administration']),
      'GET /api/setup': (request) => ({
        configured: false, contact, schoolYear,
        ...(request.path.includes('schoolYear') ? { steps: ['units', 'people', 'indicators', 'goals', 'yearWheel'].map((step) => ({ step, done: false, count: 0 })) } : {}),
      }),
      'GET /api/units': () => ({ items: [] }),
    });
    await screen.findByTestId('setup', {}, { timeout: 5_000 });
    expect(screen.getByRole('tab', { name: 'Kom igång', selected: true })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Steg 1: Skolenheterna' })).toBeTruthy();
    expect(screen.getByText('0 av 5 steg klara')).toBeTruthy();
  });

  it('tells the board the product is not set up yet and whom to ask', async () => {
    renderWithSession(<OrganizerPage />, {
      'GET /api/me': () => me(['Board']),
      'GET /api/setup': () => ({ configured: false, contact, schoolYear }),
    });
    await screen.findByRole('heading', { name: 'Kvalitetshjulet är inte konfigurerat ännu' }, { timeout: 5_000 });
    expect(screen.getByText('Förvaltningen lägger in kommunens enheter. Fråga Barn- och utbildningsnämnden (bun@kommun.se).')).toBeTruthy();
  });

  it('tells anyone else the page is not theirs, without asking for the roll-up', async () => {
    const { seen } = renderWithSession(<OrganizerPage />, { 'GET /api/me': () => me([]) });
    await screen.findByText('Ingen behörighet', {}, { timeout: 5_000 });
    await waitFor(() => expect(seen.map((r) => r.path)).toEqual(['/api/me']));
  });
});

