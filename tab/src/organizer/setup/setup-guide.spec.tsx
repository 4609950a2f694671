import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SetupStepState, Unit } from '../../../../src/contract';
import { InOrganizer, item, renderWithSession } from '../../testing/render';
import type { OrganizerView } from '../../route';
import SetupGuide, { unitsToStaff } from './setup-guide';

afterEach(cleanup);

const schoolYear = '2026/27';
const contact = { name: 'Barn- och utbildningsnämnden', email: 'bun@kommun.se' };
const unit = (id: string, name: string, fields: Partial<Unit> = {}): Unit => item(id, { name, type: 'grundskola', schoolUnitCode: `8123450${id}`, principalIds: [], ...fields });
const units = [
  unit('1', 'Strandskolan F-9', { principalIds: ['p1'], staffGroupId: 'g1' }),
  unit('2', 'Bergsskolan F-3', { principalIds: ['p1'] }),
  unit('3', 'Ängsskolan'),
  unit('4', 'Gamla skolan', { archivedAt: '2026-06-30T12:00:00Z' }),
];
const steps: SetupStepState[] = [
  { step: 'units', done: true, count: 3 },
  { step: 'people', done: false, count: 1, total: 3 },
  { step: 'indicators', done: false, count: 0 },
  { step: 'goals', done: false, count: 0 },
  { step: 'yearWheel', done: true, count: 4 },
];

function Guide({ onOpen }: { onOpen?: (view: OrganizerView) => void }) {
  return <InOrganizer schoolYear={schoolYear}><SetupGuide {...(onOpen ? { onOpen } : {})} /></InOrganizer>;
}

const routes = {
  'GET /api/setup?schoolYear=2026%2F27': () => ({ configured: true, contact, schoolYear, steps }),
  'GET /api/units?archived=include': () => ({ items: units }),
};

describe('unitsToStaff', () => {
  it('names the units in use that lack a principal or a staff group, by name', () => {
    expect(unitsToStaff(units).map((u) => u.name)).toEqual(['Bergsskolan F-3', 'Ängsskolan']);
  });
});

describe('SetupGuide', () => {
  it('shows each step done or not as the data says, with what is still missing', async () => {
    renderWithSession(<Guide />, routes);
    await screen.findByTestId('setup');
    expect(screen.getByText('2 av 5 steg klara')).toBeTruthy();
    const people = screen.getByTestId('setup-step-people');
    expect(within(people).getByRole('heading', { level: 3, name: 'Steg 2: Rektorer och personalgrupper' })).toBeTruthy();
    expect(within(people).getByText('Inte klart än')).toBeTruthy();
    expect(within(people).getByText('1 av 3 enheter har rektor och personalgrupp')).toBeTruthy();
    const missing = within(people).getByRole('list', { name: 'Enheter som saknar rektor eller personalgrupp' });
    expect(within(missing).getAllByRole('button').map((b) => b.textContent)).toEqual(['Ange rektor och personalgrupp: Bergsskolan F-3', 'Ange rektor och personalgrupp: Ängsskolan']);
    expect(within(screen.getByTestId('setup-step-yearWheel')).getByText('Klart')).toBeTruthy();
    expect(within(screen.getByTestId('setup-step-goals')).getByText('0 huvudmannamål för 2026/27')).toBeTruthy();
    // the unit step imports in place
    expect(within(screen.getByTestId('setup-step-units')).getByTestId('unit-import')).toBeTruthy();
  });

  it('links every step to its organizer section by name, and opens the ones this page has in place', async () => {
    const opened: OrganizerView[] = [];
    renderWithSession(<Guide onOpen={(view) => opened.push(view)} />, routes);
    await screen.findByTestId('setup');
    const href = (step: string) => within(screen.getByTestId(`setup-step-${step}`)).getByRole('link').getAttribute('href');
    expect(href('units')).toBe('?view=organizer&section=units');
    expect(href('indicators')).toBe('?view=organizer&section=indicators');
    expect(href('goals')).toBe('?view=organizer&section=goals');
    expect(href('yearWheel')).toBe('?view=organizer&section=yearWheel');
    fireEvent.click(within(screen.getByTestId('setup-step-yearWheel')).getByRole('link'));
    expect(opened).toEqual(['yearWheel']);
  });

  it('opens a unit that lacks people in the unit dialog', async () => {
    renderWithSession(<Guide />, {
      ...routes,
      'GET /api/directory/people?ids=p1': () => ({ items: [{ userId: 'p1', name: 'David Sjöberg' }] }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Ange rektor och personalgrupp: Bergsskolan F-3' }));
    const dialog = await screen.findByRole('dialog', { name: 'Redigera Bergsskolan F-3' });
    expect(await within(dialog).findByText('David Sjöberg')).toBeTruthy();
  });
});
