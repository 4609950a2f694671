import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithSession } from '../../testing/render';
import OrganizerPage from '../organizer-page';
import type { Rollup } from '../../../../src/contract';
import { largeRollup, testYear } from './large-rollup';

afterEach(cleanup);

const me = { userId: 'u', name: 'n', appRoles: ['Administration'], units: [] };
const setUp = { configured: true, contact: { name: 'Barn- och utbildningsnämnden', email: 'bun@kommun.se' }, schoolYear: testYear };

async function open600(rollup: Rollup = largeRollup(600)) {
  renderWithSession(<OrganizerPage />, {
    'GET /api/me': () => me,
    'GET /api/setup': () => setUp,
    'GET /api/organizer/rollup': () => rollup,
    'GET /api/organizer/imports': () => ({ items: [] }),
  });
  await screen.findByTestId('rollup', {}, { timeout: 5_000 });
    // the comparison and the lists render just after the units' cycle
    await screen.findByTestId('rollup-details', {}, { timeout: 5_000 });
}

const cycleRows = () => screen.getAllByRole('row').filter((row) => row.closest('table')?.getAttribute('aria-describedby') === 'cycle-caption').length - 1;

describe('the roll-up of 600 units', () => {
  it('shows the first 50 units, 50 more when asked, and says how many of how many', async () => {
    await open600();
    expect(cycleRows()).toBe(50);
    expect(screen.getByText('600 av 600 enheter')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: "Visa 50 till: enheternas kvalitetshjul" }));
    expect(cycleRows()).toBe(100);
  });

  it('narrows by name, school form, area, phase and needs attention, and shows every unit again', async () => {
    await open600();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Sök enhet (namn eller skolenhetskod)' }), 'Enhet 042');
    await waitFor(() => expect(cycleRows()).toBe(1));
    expect(screen.getByText('1 av 600 enheter')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Visa alla enheter' }));
    await waitFor(() => expect(cycleRows()).toBe(50));

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Skolform' }), 'Förskola');
    expect(screen.getByText('86 av 600 enheter')).toBeTruthy();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Skolform' }), 'Alla skolformer');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Utvecklingsområde' }), 'Studiero (3)');
    expect(cycleRows()).toBe(3);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Fas just nu' }), 'Planering');
    expect(screen.getByText('Ingen enhet stämmer med urvalet.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Visa alla enheter' }));
    await userEvent.click(screen.getByRole('checkbox', { name: /Behöver uppmärksamhet/ }));
    const expected = Array.from({ length: 600 }, (_, u) => u).filter((u) => u % 7 === 0 || u % 10 === 0).length;
    expect(screen.getByText(`${expected} av 600 enheter`)).toBeTruthy();
  });

  it('compares the results as one distribution with the average, the target and a highlighted unit, not 600 bars', async () => {
    await open600();
    const chart = screen.getByRole('img', { name: /Närvaro 2025\/26: hur 600 enheters värden fördelar sig/ });
    expect(chart.querySelectorAll('rect').length).toBeLessThanOrEqual(12);
    expect(chart.getAttribute('aria-label')).toContain('Kommunens medel 90');
    expect(chart.getAttribute('aria-label')).toContain('Mål 95');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Markera en enhet' }), 'Enhet 042');
    expect(screen.getByRole('img', { name: /Enhet 042: 81/ })).toBeTruthy();
    // the table of values: the average first, then the units 50 at a time
    const table = screen.getByRole('table', { name: 'Närvaro: Visa som tabell' });
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 1 + 50);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Skolform' }), 'Förskola');
    expect(screen.getByRole('img', { name: /hur 86 enheters värden/ })).toBeTruthy();
  });

  it('shows the first 20 entries of each long list, 20 more when asked', async () => {
    const base = largeRollup(600);
    const action = (unitId: string, n: number) => ({
      id: `a${unitId}-${n}`, unitId, title: `Åtgärd ${n}`, dueDate: '2026-01-15', status: 'planned' as const, originKind: 'analysis' as const, originId: 'x', schoolYear: testYear, ownerId: 'o',
    });
    await open600({
      ...base,
      overdueActions: base.units.slice(0, 120).map((unit) => ({ unitId: unit.unitId, actions: [action(unit.unitId, 1), action(unit.unitId, 2)] })),
      deficiencies: base.units.slice(0, 70).map((unit) => ({
        id: `d${unit.unitId}`, unitId: unit.unitId, title: `Brist ${unit.unitId}`, source: 'inspection' as const, foundOn: '2025-09-01', status: 'open' as const, actions: [], withoutAction: true, overdue: false,
      })),
      awaitingFeedback: base.units.slice(0, 30).map((unit) => ({ unitId: unit.unitId, analysisId: `an${unit.unitId}` })),
    });
    const entries = (card: string) => [...document.querySelectorAll(`[aria-labelledby="${card}"] ul`)].filter((list) => list.parentElement?.closest('ul') === null).reduce((sum, list) => sum + list.children.length, 0);
    expect(entries('rollup-overdue')).toBe(20);
    expect(screen.getByText('Visar 20 av 120')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Visa 20 till: enheterna med försenade åtgärder' }));
    expect(entries('rollup-overdue')).toBe(40);
    expect(entries('rollup-deficiencies')).toBe(20);
    await userEvent.click(screen.getByRole('button', { name: 'Visa 20 till: bristerna' }));
    await userEvent.click(screen.getByRole('button', { name: 'Visa 20 till: bristerna' }));
    expect(entries('rollup-deficiencies')).toBe(60);
    await userEvent.click(screen.getByRole('button', { name: 'Visa 10 till: bristerna' }));
    expect(entries('rollup-deficiencies')).toBe(70);
    expect(screen.queryByRole('button', { name: /bristerna/ })).toBeNull();
    expect(within(screen.getByTestId('awaiting-feedback')).getAllByRole('listitem')).toHaveLength(20);
    await userEvent.click(screen.getByRole('button', { name: 'Visa 10 till: analyserna som väntar på återkoppling' }));
    expect(within(screen.getByTestId('awaiting-feedback')).getAllByRole('listitem')).toHaveLength(30);
  });

  it('shows the municipality\'s own value from Kolada beside the average computed from the units', async () => {
    const rollup = largeRollup(60);
    const [indicator] = rollup.indicators;
    if (!indicator) throw new Error('the roll-up has an indicator');
    renderWithSession(<OrganizerPage />, {
      'GET /api/me': () => me,
      'GET /api/setup': () => setUp,
      'GET /api/organizer/rollup': () => ({ ...rollup, indicators: [{ ...indicator, municipality: { [testYear]: 91.25 } }] }),
      'GET /api/organizer/imports': () => ({ items: [] }),
    });
    await screen.findByTestId('rollup', {}, { timeout: 5_000 });
    // the comparison and the lists render just after the units' cycle
    await screen.findByTestId('rollup-details', {}, { timeout: 5_000 });
    const table = screen.getByRole('table', { name: 'Närvaro: Visa som tabell' });
    const [, average, municipality] = within(table).getAllByRole('row');
    expect(within(average as HTMLElement).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Medel', '90', '95']);
    expect(within(municipality as HTMLElement).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Kommunen enligt Kolada', '91,3', '95']);
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 2 + 50);
  });
});
