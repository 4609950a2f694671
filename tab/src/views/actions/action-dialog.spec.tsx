import { cleanup, screen, waitFor, within } from '@testing-library/react';
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
      origins={[{ value: 'analysis:5', label: 'Analys: 2025/26 HT' }]}
      onSaved={() => undefined}
      onClose={() => undefined}
    />
  );
}

/** Each option as the picker shows it: its group's label, then its name. */
const optionTexts = (select: HTMLElement) =>
  [...(select as HTMLSelectElement).options].map((option) => (option.parentElement instanceof HTMLOptGroupElement ? `${option.parentElement.label}: ${option.text}` : option.text));

describe('ActionDialog owner picker', () => {
  afterEach(cleanup);

  it('offers the unit\'s staff too, by name under their role, so a principal assigns a teacher who has no action yet', async () => {
    const { seen } = renderWithSession(dialog(), {
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
    await userEvent.click(within(form).getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(seen.some((request) => request.method === 'POST')).toBe(true));
    expect(seen.find((request) => request.method === 'POST')?.body).toMatchObject({ ownerId: 'u-ali', ownerName: 'Ali Nur' });
  });

  it('still offers the people it was given when the unit\'s people cannot be read', async () => {
    renderWithSession(dialog(), { 'GET /api/units/1/people': () => reply(503, { title: 'Unavailable', status: 503, code: 'unavailable' }) });
    const owner = within(await screen.findByRole('dialog')).getByRole('combobox', { name: /Ansvarig/ });
    await waitFor(() => expect(optionTexts(owner)).toEqual(['Cecilia Ek', 'David Berg']));
  });
});
