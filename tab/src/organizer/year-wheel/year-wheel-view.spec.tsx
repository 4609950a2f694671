import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { reply } from '../../testing/fetch-stub';
import { InOrganizer, dialogTitle, item, renderWithSession } from '../../testing/render';
import YearWheelView from './year-wheel-view';

afterEach(cleanup);

const schoolYear = '2025/26';
const activities = [
  item('1', { title: 'Resultatkonferens för hela kommunen', kind: 'resultsConference', date: '2026-03-10', schoolYear }),
  item('2', { title: 'Björkskolans studiedag', kind: 'workshop', date: '2026-03-12', schoolYear, unitId: '7' }),
];

function Wheel({ unitId }: { unitId?: string }) {
  return <InOrganizer schoolYear={schoolYear}><YearWheelView {...(unitId ? { unitId } : {})} /></InOrganizer>;
}

const routes = {
  'GET /api/year-wheel': () => ({ items: activities }),
  'GET /api/units': () => ({ items: [{ id: '7', name: 'Björkskolan F–6' }] }),
  'DELETE /api/year-wheel/1': () => reply(204),
  'DELETE /api/year-wheel/2': () => reply(204),
};
const deletes = (seen: { method: string; path: string }[]) => seen.filter((r) => r.method === 'DELETE').map((r) => r.path);

describe('YearWheelView', () => {
  it('asks before it removes a municipality-wide activity, which disappears for every unit', async () => {
    const { seen } = renderWithSession(<Wheel />, routes);
    await userEvent.click(await screen.findByRole('button', { name: 'Ta bort Resultatkonferens för hela kommunen' }));
    const question = await screen.findByRole('alertdialog', { hidden: true });
    expect(dialogTitle(question)).toBe('Ta bort Resultatkonferens för hela kommunen?');
    expect(question.textContent).toContain('den försvinner ur årshjulet för varje enhet');
    // the way out first, then the action
    expect(within(question).getAllByRole('button', { hidden: true }).map((b) => b.textContent)).toEqual(['Avbryt', 'Ta bort']);
    await userEvent.click(within(question).getByRole('button', { name: 'Avbryt', hidden: true }));
    await waitFor(() => expect(screen.queryByRole('alertdialog', { hidden: true })).toBeNull());
    expect(deletes(seen)).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: 'Ta bort Resultatkonferens för hela kommunen' }));
    await userEvent.click(within(await screen.findByRole('alertdialog', { hidden: true })).getByRole('button', { name: 'Ta bort', hidden: true }));
    await screen.findByText('Resultatkonferens för hela kommunen är borttagen.');
    expect(deletes(seen)).toEqual(['/api/year-wheel/1']);
  });

  it('removes a unit\'s own activity at once: it is only that unit\'s', async () => {
    const { seen } = renderWithSession(<Wheel unitId="7" />, routes);
    await userEvent.click(await screen.findByRole('button', { name: 'Ta bort Björkskolans studiedag' }));
    await screen.findByText('Björkskolans studiedag är borttagen.');
    expect(screen.queryByRole('alertdialog', { hidden: true })).toBeNull();
    expect(deletes(seen)).toEqual(['/api/year-wheel/2']);
  });
});
