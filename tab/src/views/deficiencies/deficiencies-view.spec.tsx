import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Deficiency, DeficiencyEntry } from '../../../../src/contract';
import { reply } from '../../testing/fetch-stub';
import type { SeenRequest } from '../../testing/fetch-stub';
import { item, renderWithSession } from '../../testing/render';
import DeficienciesView from './deficiencies-view';

afterEach(cleanup);

const me = { userId: 'u-cecilia', name: 'Cecilia Ek', appRoles: [], units: [{ unitId: '1', name: 'Björkskolan', roles: ['principal'] }] };
const finding: Deficiency = item('4', {
  title: 'Skolinspektionen: studiero', unitId: '1', source: 'inspection', foundOn: '2026-01-10', deadline: '2026-02-01', status: 'open', caseNumber: 'SI 2026:4127',
});
const entry = (fields: Partial<DeficiencyEntry> = {}): DeficiencyEntry => ({ deficiency: finding, actions: [], withoutAction: true, overdue: true, closeBlocker: 'deficiencyWithoutAction', ...fields });

function routes(register: () => DeficiencyEntry[], extra: Record<string, (req: SeenRequest) => unknown> = {}) {
  return {
    'GET /api/me': () => me,
    'GET /api/units/1/deficiency-register': () => ({ items: register() }),
    'GET /api/units/1/goals': () => ({ items: [] }),
    'GET /api/units/1/people': () => ({ items: [] }),
    ...extra,
  };
}

describe('DeficienciesView', () => {
  it('flags an open deficiency without an action and past its deadline, and keeps its close button disabled with the reason', async () => {
    renderWithSession(<DeficienciesView unitId="1" />, routes(() => [entry()]));
    const card = (await screen.findByText('Skolinspektionen: studiero')).closest('li');
    if (!card) throw new Error('the deficiency is listed');
    expect(within(card).getByText('Saknar åtgärd')).toBeTruthy();
    expect(within(card).getByText('Sista dagen har passerat')).toBeTruthy();
    const close = within(card).getByRole('button', { name: 'Stäng bristen: Skolinspektionen: studiero' });
    expect(close.getAttribute('aria-disabled')).toBe('true');
    expect(close.getAttribute('aria-describedby')).toBe('close-reason-4');
    expect(within(card).getByText('Kan stängas när en åtgärd är beslutad, genomförd och utvärderad.')).toBeTruthy();
  });

  it('records a deficiency with its source, dates and case number', async () => {
    const { seen } = renderWithSession(<DeficienciesView unitId="1" />, routes(() => [], {
      'POST /api/units/1/deficiencies': (req) => reply(201, item('5', { unitId: '1', status: 'open', ...(req.body as object) }), false),
    }));
    await userEvent.click(await screen.findByRole('button', { name: 'Registrera brist' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Rubrik/ }), 'Klagomål: skolskjuts');
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Källa' }), 'complaint');
    await userEvent.clear(within(dialog).getByLabelText(/Upptäckt/));
    await userEvent.type(within(dialog).getByLabelText(/Upptäckt/), '2026-02-03');
    await userEvent.type(within(dialog).getByLabelText('Diarienummer'), '  BUN 2026/17 ');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Spara' }));
    await screen.findByText('Bristen Klagomål: skolskjuts är sparad.');
    expect(seen.find((r) => r.method === 'POST')?.body).toEqual({ title: 'Klagomål: skolskjuts', source: 'complaint', foundOn: '2026-02-03', caseNumber: 'BUN 2026/17' });
  });

  it('closes a deficiency once an action is done and evaluated, with If-Match', async () => {
    let closed = false;
    const { seen } = renderWithSession(<DeficienciesView unitId="1" />, routes(
      () => [closed
        ? entry({ deficiency: { ...finding, status: 'closed', closedOn: '2026-02-20' }, withoutAction: false, overdue: false })
        : { deficiency: finding, actions: [{ id: '9', title: 'Rutin för studiero', status: 'done', dueDate: '2026-02-15', evaluation: 'Lugnare lektioner.' }], withoutAction: false, overdue: false }],
      { 'PATCH /api/deficiencies/4': (req) => { closed = true; return item('4', { ...finding, ...(req.body as object), closedOn: '2026-02-20' }, '"4,2"'); } },
    ));
    const close = await screen.findByRole('button', { name: 'Stäng bristen: Skolinspektionen: studiero' });
    expect(close.getAttribute('aria-disabled')).toBeNull();
    await userEvent.click(close);
    await screen.findByText('Bristen Skolinspektionen: studiero är stängd.');
    const patch = seen.find((r) => r.method === 'PATCH');
    expect(patch?.body).toEqual({ status: 'closed' });
    expect(patch?.headers['if-match']).toBe('"4,1"');
    await waitFor(() => expect(screen.queryByRole('button', { name: /Stäng bristen/ })).toBeNull());
  });
});
