import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { reply } from '../../testing/fetch-stub';
import { item, renderWithSession } from '../../testing/render';
import { ActionDialog } from './action-dialog';

const unitPeople = {
  items: [
    { userId: 'u-cecilia', name: 'Cecilia Ek', roles: ['principal'] },
    { userId: 'u-elin', name: 'Elin Berg', roles: ['staff'] },
    { userId: 'u-ali', name: 'Ali Nur', roles: ['staff'] },
  ],
};

function dialog() {
  return (
    <ActionDialog
      unitId="1"
      schoolYear="2025/26"
      people={[{ id: 'u-cecilia', name: 'Cecilia Ek' }, { id: 'u-david', name: 'David Berg' }]}
      goals={[]}
      origin={{ in: 'unit' }}
      onSaved={() => undefined}
      onClose={() => undefined}
    />
  );
}

const analysis = item('5', { unitId: '1', schoolYear: '2025/26', period: '2025/26 HT', status: 'submitted' as const, strengths: [], areasToDevelop: [], measurementIds: [], goalIds: [], participants: [] });
/** The unit's records a new action may come from. */
const origins = {
  'GET /api/units/1/analyses': () => ({ items: [analysis] }),
  'GET /api/units/1/meetings': () => ({ items: [] }),
  'GET /api/units/1/deficiencies': () => ({ items: [] }),
};

/** Each option as the picker shows it: its group's label, then its name. */
const optionTexts = (select: HTMLElement) =>
  [...(select as HTMLSelectElement).options].map((option) => (option.parentElement instanceof HTMLOptGroupElement ? `${option.parentElement.label}: ${option.text}` : option.text));

describe('ActionDialog owner picker', () => {
  afterEach(cleanup);

  it('offers the unit\'s staff too, by name under their role, so a principal assigns a teacher who has no action yet', async () => {
    const { seen } = renderWithSession(dialog(), {
      ...origins,
      'GET /api/units/1/people': () => unitPeople,
      'POST /api/units/1/actions': (req) => reply(201, item('8', req.body as object), false),
    });
    const form = await screen.findByRole('dialog');
    const owner = within(form).getByRole('combobox', { name: /Ansvarig/ });
    await waitFor(() => expect(optionTexts(owner)).toEqual(['Rektor: Cecilia Ek', 'Personal: Ali Nur', 'Personal: Elin Berg', 'Övriga: David Berg']));
    // the signed-in person stays the default owner
    expect((owner as HTMLSelectElement).value).toBe('u-cecilia');
    await userEvent.selectOptions(owner, 'u-ali');
    await userEvent.type(within(form).getByRole('textbox', { name: /Rubrik/ }), 'Lässtrategier i åk 3');
    await userEvent.type(within(form).getByLabelText(/Klart senast/), '2026-04-01');
    await userEvent.click(within(form).getByRole('radio', { name: 'En av enhetens analyser' }));
    await userEvent.selectOptions(await within(form).findByRole('combobox', { name: /Analys/ }), '5');
    await userEvent.click(within(form).getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(seen.some((request) => request.method === 'POST')).toBe(true));
    expect(seen.find((request) => request.method === 'POST')?.body).toMatchObject({ ownerId: 'u-ali', ownerName: 'Ali Nur', originKind: 'analysis', originId: '5' });
  });

  it('still offers the people it was given when the unit\'s people cannot be read', async () => {
    renderWithSession(dialog(), { ...origins, 'GET /api/units/1/people': () => reply(503, { title: 'Unavailable', status: 503, code: 'unavailable' }) });
    const owner = within(await screen.findByRole('dialog')).getByRole('combobox', { name: /Ansvarig/ });
    await waitFor(() => expect(optionTexts(owner)).toEqual(['Cecilia Ek', 'David Berg']));
  });
});

describe('ActionDialog in a meeting', () => {
  afterEach(cleanup);

  it('adds the unit\'s principals and staff to the meeting\'s people, grouped by role and sorted by name, and records the chosen one\'s name', async () => {
    const { seen } = renderWithSession(
      <ActionDialog
        unitId="1"
        schoolYear="2025/26"
        origin={{ in: 'meeting', meetingId: '5' }}
        people={[{ id: 'u-cecilia', name: 'Cecilia Ek' }]}
        goals={[]}
        onSaved={() => undefined}
        onClose={() => undefined}
      />,
      {
        'GET /api/units/1/analyses': () => ({ items: [] }),
        'GET /api/units/1/deficiencies': () => ({ items: [] }),
        'GET /api/units/1/people': () => ({ items: [{ userId: 'u-elin', name: 'Elin Berg', roles: ['staff'] }, { userId: 'u-cecilia', name: 'Cecilia Ek', roles: ['principal'] }] }),
        'POST /api/units/1/actions': (req) => reply(201, item('12', req.body as object), false),
      },
    );
    const form = await screen.findByRole('dialog');
    const owner = within(form).getByRole('combobox', { name: /Ansvarig/ }) as HTMLSelectElement;
    await waitFor(() => expect([...owner.querySelectorAll('optgroup')].map((group) => `${group.label}: ${[...group.querySelectorAll('option')].map((option) => option.text).join(', ')}`)).toEqual(['Rektor: Cecilia Ek', 'Personal: Elin Berg']));
    expect(owner.value).toBe('u-cecilia');
    fireEvent.change(owner, { target: { value: 'u-elin' } });
    fireEvent.change(within(form).getByLabelText('Rubrik', { exact: false }), { target: { value: 'Rastvärdar' } });
    fireEvent.change(within(form).getByLabelText('Klart senast', { exact: false }), { target: { value: '2026-04-30' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(seen.some((request) => request.method === 'POST')).toBe(true));
    expect(seen.find((request) => request.method === 'POST')?.body).toMatchObject({ ownerId: 'u-elin', ownerName: 'Elin Berg', originKind: 'meeting', meetingId: '5' });
    // a meeting's action is recorded from the meeting: its own meetings are not read
    expect(seen.some((request) => request.path.startsWith('/api/units/1/meetings'))).toBe(false);
  });
});
