import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Unit } from '../../../../src/contract';
import { reply } from '../../testing/fetch-stub';
import { item, renderWithSession } from '../../testing/render';
import UnitsView, { filterUnits } from './units-view';

afterEach(cleanup);

/** Types into a field as a person does: focus first (the dialog's focus trap keeps the rest hidden otherwise). */
function type(field: HTMLElement, value: string): void {
  field.focus();
  fireEvent.change(field, { target: { value } });
}

const unit = (id: string, fields: Partial<Unit> & Pick<Unit, 'name' | 'type' | 'schoolUnitCode'>): Unit => item(id, { principalIds: [], ...fields });
const yrke = unit('2', { name: 'Sjöviksgymnasiet Yrke', type: 'gymnasieskola', schoolUnitCode: '81234507' });
const units = [
  unit('1', { name: 'Sjöviksskolan F-6', type: 'grundskola', schoolUnitCode: '81234501', principalIds: ['p1'], staffGroupId: 'g1' }),
  yrke,
  unit('3', { name: 'Gamla skolan', type: 'grundskola', schoolUnitCode: '81234599', archivedAt: '2026-06-30T12:00:00Z' }),
];

describe('filterUnits', () => {
  it('filters by school form and by a part of the name or the code, archived units only when asked', () => {
    const names = (shown: Unit[]) => shown.map((u) => u.name);
    expect(names(filterUnits(units, { type: '', search: '', archived: false }))).toEqual(['Sjöviksgymnasiet Yrke', 'Sjöviksskolan F-6']);
    expect(names(filterUnits(units, { type: 'grundskola', search: '', archived: true }))).toEqual(['Gamla skolan', 'Sjöviksskolan F-6']);
    expect(names(filterUnits(units, { type: '', search: 'GYMN', archived: false }))).toEqual(['Sjöviksgymnasiet Yrke']);
    expect(names(filterUnits(units, { type: '', search: '8123459', archived: true }))).toEqual(['Gamla skolan']);
  });
});

describe('UnitsView', () => {
  it('lists the units in use, with archived ones on request, and filters by school form', async () => {
    renderWithSession(<UnitsView />, { 'GET /api/units?archived=include': () => ({ items: units }) });
    const table = await screen.findByRole('table', { name: 'Enheter' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    const row = within(table).getByRole('row', { name: /Sjöviksskolan F-6/ });
    expect(within(row).getByText('1 rektorer')).toBeTruthy();
    expect(within(row).getByText('Angiven')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Visa arkiverade enheter' }));
    const archived = within(table).getByRole('row', { name: /Gamla skolan/ });
    expect(within(archived).getByText('Arkiverad')).toBeTruthy();
    // an archived unit is read only: restored, never edited
    expect(within(archived).queryByRole('button', { name: /Redigera/ })).toBeNull();
    expect(within(archived).getByRole('button', { name: 'Återställ Gamla skolan' })).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Skolform' }), { target: { value: 'gymnasieskola' } });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
  });

  it('creates a unit with a principal and a staff group found in the directory', async () => {
    const created = unit('9', { name: 'Hamnskolan F-6', type: 'grundskola', schoolUnitCode: '81234510', principalIds: ['p7'], staffGroupId: 'g7' });
    const { seen } = renderWithSession(<UnitsView />, {
      'GET /api/units?archived=include': () => ({ items: [] }),
      'GET /api/directory/people?search=Da': () => ({ items: [{ userId: 'p7', name: 'David Sjöberg', mail: 'david@kommun.se' }] }),
      'GET /api/directory/groups?search=Ham': () => ({ items: [{ groupId: 'g7', name: 'Personal Hamnskolan' }] }),
      'POST /api/units': () => reply(201, created),
    });
    await screen.findByText(/Inga enheter ännu/);
    fireEvent.click(screen.getByRole('button', { name: 'Ny enhet' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ny enhet' });
    type(within(dialog).getByRole('textbox', { name: /Enhetens namn/ }), ' Hamnskolan F-6 ');
    type(within(dialog).getByRole('textbox', { name: /Skolenhetskod/ }), '81234510');
    // one character is too few to search
    type(within(dialog).getByRole('searchbox', { name: 'Sök person i katalogen' }), 'D');
    expect(within(dialog).getByText('Skriv minst två tecken.')).toBeTruthy();
    type(within(dialog).getByRole('searchbox', { name: 'Sök person i katalogen' }), 'Da');
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Välj David Sjöberg' }));
    type(within(dialog).getByRole('searchbox', { name: 'Sök grupp i katalogen' }), 'Ham');
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Välj Personal Hamnskolan' }));
    expect(within(within(dialog).getByRole('list', { name: 'Valda: Rektorer' })).getByText('David Sjöberg')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Spara' }));
    await screen.findByText('Hamnskolan F-6 är sparad.');
    const post = seen.find((r) => r.method === 'POST');
    expect(post?.body).toEqual({ name: 'Hamnskolan F-6', type: 'grundskola', schoolUnitCode: '81234510', principalIds: ['p7'], staffGroupId: 'g7' });
    expect(post?.headers['idempotency-key']).toBeTruthy();
  });

  it('says beside the field that another unit has the skolenhetskod, and keeps the form', async () => {
    renderWithSession(<UnitsView />, {
      'GET /api/units?archived=include': () => ({ items: units }),
      'POST /api/units': () => reply(409, {
        status: 409, code: 'schoolUnitCodeTaken', title: 'Skolenhetskoden finns redan', field: 'schoolUnitCode', fieldLabel: 'Skolenhetskod',
        detail: 'Skolenhetskod: skolenhetskoden 81234501 har redan en annan enhet (Sjöviksskolan F-6)',
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Ny enhet' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ny enhet' });
    type(within(dialog).getByRole('textbox', { name: /Enhetens namn/ }), 'Dubbletten');
    type(within(dialog).getByRole('textbox', { name: /Skolenhetskod/ }), '81234501');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Spara' }));
    expect(await within(dialog).findByText('skolenhetskoden 81234501 har redan en annan enhet (Sjöviksskolan F-6)')).toBeTruthy();
    expect(within(dialog).getByRole('textbox', { name: /Skolenhetskod/ }).getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByRole('textbox', { name: /Enhetens namn/ })).toHaveProperty('value', 'Dubbletten');
  });

  it('edits only what changed, with the eTag, and opens the conflict panel when someone else changed the unit', async () => {
    const theirs = { ...yrke, name: 'Sjöviksgymnasiet Yrkesprogram', etag: '"2,2"' };
    const { seen } = renderWithSession(<UnitsView />, {
      'GET /api/units?archived=include': () => ({ items: units }),
      'PATCH /api/units/2': () => reply(409, { status: 409, code: 'conflict', title: 'Konflikt', detail: 'Ändrad av någon annan', current: theirs }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Redigera: Sjöviksgymnasiet Yrke' }));
    const dialog = await screen.findByRole('dialog', { name: 'Redigera Sjöviksgymnasiet Yrke' });
    type(within(dialog).getByRole('textbox', { name: /Koladas enhets-id/ }), 'v15e996100701');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Spara' }));
    await within(dialog).findByText('Sjöviksgymnasiet Yrkesprogram');
    const patch = seen.find((r) => r.method === 'PATCH');
    expect(patch?.body).toEqual({ koladaId: 'V15E996100701' });
    expect(patch?.headers['if-match']).toBe('"2,1"');
  });

  it('archives a unit only after asking, with its eTag', async () => {
    const archived = { ...yrke, archivedAt: '2026-12-01T10:00:00Z', etag: '"2,2"' };
    let listed: Unit[] = units;
    const { seen } = renderWithSession(<UnitsView />, {
      'GET /api/units?archived=include': () => ({ items: listed }),
      'POST /api/units/2/archive': () => {
        listed = units.map((u) => (u.id === '2' ? archived : u));
        return archived;
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Arkivera Sjöviksgymnasiet Yrke' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Arkivera Sjöviksgymnasiet Yrke?' });
    expect(seen.some((r) => r.method === 'POST')).toBe(false);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Arkivera' }));
    await screen.findByText('Sjöviksgymnasiet Yrke är arkiverad.');
    const post = seen.find((r) => r.method === 'POST');
    expect(post?.path).toBe('/api/units/2/archive');
    expect(post?.headers['if-match']).toBe('"2,1"');
    await waitFor(() => expect(screen.queryByRole('row', { name: /Sjöviksgymnasiet Yrke/ })).toBeNull());
  });
});
