import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Goal, GoalTree } from '../../../../src/contract';
import { reply } from '../../testing/fetch-stub';
import { item, renderWithSession } from '../../testing/render';
import { schoolYearOf } from '../../util/dates';
import GoalsView from './goals-view';

afterEach(cleanup);

const year = schoolYearOf();
const me = (roles: string[]) => ({ userId: 'u-cecilia', name: 'Cecilia Ek', appRoles: [], units: [{ unitId: '1', name: 'Björkskolan', roles }] });
const board: Goal = item('10', { level: 'organizer', title: 'Trygga lärmiljöer', schoolYear: year });
const area: Goal = item('11', { level: 'focusArea', title: 'Studiero', parentGoalId: '10', schoolYear: year });
const own: Goal = item('12', { level: 'unit', title: 'Lugn i klassrummen', unitId: '1', parentGoalId: '11', schoolYear: year });
const tree = (withOwn: boolean): GoalTree => ({
  schoolYear: year,
  organizerGoals: [{
    goal: board,
    areas: [{ goal: area, unitGoals: withOwn ? [{ goal: own, actions: [{ id: '20', title: 'Gemensamma regler', status: 'done', dueDate: '2026-01-15', evaluation: 'Färre avbrott.' }] }] : [] }],
    unitGoals: [],
  }],
  areas: [],
  unplacedUnitGoals: [],
});

describe('GoalsView', () => {
  it('shows organizer goal → area → unit goal → actions with what has been done', async () => {
    renderWithSession(<GoalsView unitId="1" />, {
      'GET /api/me': () => me(['staff']),
      'GET /api/units/1/goal-tree': () => tree(true),
    });
    const goal = (await screen.findByRole('heading', { name: 'Lugn i klassrummen' })).closest('li');
    if (!goal) throw new Error('the unit goal is listed');
    expect(goal.closest('li[data-goal="11"]')?.closest('li[data-goal="10"]')).toBeTruthy();
    expect(within(goal).getByText('1 av 1 åtgärder genomförda')).toBeTruthy();
    expect(within(goal).getByText(/Färre avbrott\./)).toBeTruthy();
    // staff read; only the principal sets the unit's goals
    expect(screen.queryByRole('button', { name: 'Nytt mål för enheten' })).toBeNull();
  });

  it('lets the principal set a unit goal under an area, the parent required', async () => {
    let created = false;
    const { seen } = renderWithSession(<GoalsView unitId="1" />, {
      'GET /api/me': () => me(['principal']),
      'GET /api/units/1/goal-tree': () => tree(created),
      'POST /api/units/1/goals': (req) => {
        created = true;
        return reply(201, item('12', { level: 'unit', unitId: '1', ...(req.body as object) }), false);
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Nytt mål för enheten' }));
    const dialog = await screen.findByRole('dialog');
    const parent = within(dialog).getByRole('combobox', { name: /Står under/ });
    expect(within(parent).getAllByRole('option').map((o) => o.textContent)).toEqual(['Nämndmål: Trygga lärmiljöer', 'Fokusområde: Studiero (Trygga lärmiljöer)']);
    await userEvent.selectOptions(parent, '11');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Rubrik/ }), 'Lugn i klassrummen');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Spara' }));
    await screen.findByText('Målet Lugn i klassrummen är sparat.');
    expect(seen.find((r) => r.method === 'POST')?.body).toEqual({ title: 'Lugn i klassrummen', schoolYear: year, parentGoalId: '11' });
    // the tree reloads with the new goal under its area
    const heading = await screen.findByText('Lugn i klassrummen', { selector: 'h5' });
    expect(heading.closest('li[data-goal="11"]')).toBeTruthy();
  });

  it('keeps Spara disabled while the year has nothing a unit goal can stand under, and says why', async () => {
    renderWithSession(<GoalsView unitId="1" />, {
      'GET /api/me': () => me(['principal']),
      'GET /api/units/1/goal-tree': () => ({ schoolYear: year, organizerGoals: [], areas: [], unplacedUnitGoals: [] }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Nytt mål för enheten' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Rubrik/ }), 'Ett mål');
    expect(within(dialog).getByText('Förvaltningen har inte satt några nämndmål eller fokusområden för läsåret ännu.')).toBeTruthy();
    expect((within(dialog).getByRole('button', { name: 'Spara' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
