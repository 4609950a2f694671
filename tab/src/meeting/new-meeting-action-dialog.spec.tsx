import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { reply } from '../testing/fetch-stub';
import { item, renderWithSession } from '../testing/render';
import { NewMeetingActionDialog } from './new-meeting-action-dialog';

describe('NewMeetingActionDialog owner picker', () => {
  afterEach(cleanup);

  it('adds the unit\'s principals and staff to the meeting\'s people, grouped by role and sorted by name, and records the chosen one\'s name', async () => {
    const { seen } = renderWithSession(
      <NewMeetingActionDialog
        meetingId="5"
        unitId="1"
        schoolYear="2025/26"
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
  });
});
