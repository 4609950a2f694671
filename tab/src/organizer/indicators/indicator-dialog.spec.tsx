import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Indicator } from '../../../../src/contract';
import { useSession } from '../../auth/session';
import { reply } from '../../testing/fetch-stub';
import { item, renderWithSession } from '../../testing/render';
import { OrganizerApi } from '../organizer-api';
import { OrganizerContext } from '../organizer-context';
import { IndicatorDialog } from './indicator-dialog';

afterEach(cleanup);

const existing: Indicator = item('7', {
  name: 'Trygghet, egen enkät', source: 'survey', unitOfMeasure: 'scale', direction: 'higherIsBetter', target: 3.4, koladaKpi: 'U15461',
  unitTypes: ['grundskola'], groups: ['Flickor', 'Pojkar'],
});

function Dialog({ indicator, saved }: { indicator?: Indicator; saved: Indicator[] }) {
  const { api } = useSession();
  return (
    <OrganizerContext.Provider value={{ api: new OrganizerApi(api), canEdit: true, schoolYear: '2025/26' }}>
      <IndicatorDialog {...(indicator ? { indicator } : {})} onSaved={(i) => saved.push(i)} onClose={() => undefined} />
    </OrganizerContext.Provider>
  );
}

describe('IndicatorDialog', () => {
  it('creates an indicator with the unit types ticked, a target typed the Swedish way, a KPI id and a group per line', async () => {
    const saved: Indicator[] = [];
    const { seen } = renderWithSession(<Dialog saved={saved} />, {
      'POST /api/indicators': (req) => reply(201, item('9', req.body as object), false),
    });
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Indikatorns namn/ }), 'Deltagande i fritidshemmet');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Mål' }), '82,5');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Kolada-KPI' }), 'N15419');
    // each checkbox is its own: ticking Fritidshem and Förskola ticks exactly those two
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Fritidshem' }));
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Förskola' }));
    expect(within(dialog).getAllByRole('checkbox').filter((c) => (c as HTMLInputElement).checked)).toHaveLength(2);
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Grupper' }), 'Flickor{Enter}Pojkar{Enter}{Enter}Nyanlända ');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    const body = seen.find((r) => r.method === 'POST')?.body;
    expect(body).toEqual({
      name: 'Deltagande i fritidshemmet', source: 'other', unitOfMeasure: 'percent', direction: 'higherIsBetter', target: 82.5, koladaKpi: 'N15419',
      unitTypes: ['förskola', 'fritidshem'], groups: ['Flickor', 'Pojkar', 'Nyanlända'],
    });
    expect(seen.find((r) => r.method === 'POST')?.headers['idempotency-key']).toBeTruthy();
  });

  it('refuses a target that is not a number beside the field, and sends nothing', async () => {
    const { seen } = renderWithSession(<Dialog saved={[]} />, {});
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Indikatorns namn/ }), 'Närvaro');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Mål' }), 'nittio');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Spara' }));
    await within(dialog).findByText('Skriv ett tal, till exempel 12,5.');
    expect(within(dialog).getByRole('textbox', { name: 'Mål' }).getAttribute('aria-invalid')).toBe('true');
    expect(seen.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('edits with If-Match, sends only what changed, and clears an emptied target with null', async () => {
    const saved: Indicator[] = [];
    const { seen } = renderWithSession(<Dialog indicator={existing} saved={saved} />, {
      'PATCH /api/indicators/7': (req) => item('7', { ...existing, ...(req.body as object), target: undefined }, '"7,2"'),
    });
    const dialog = await screen.findByRole('dialog');
    await userEvent.clear(within(dialog).getByRole('textbox', { name: 'Mål' }));
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Gymnasieskola' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    const patch = seen.find((r) => r.method === 'PATCH');
    expect(patch?.headers['if-match']).toBe('"7,1"');
    expect(patch?.body).toEqual({ target: null, unitTypes: ['grundskola', 'gymnasieskola'] });
  });

  it('names the field a 400 is about, in the problem\'s words', async () => {
    renderWithSession(<Dialog saved={[]} />, {
      'POST /api/indicators': () => reply(409, { title: 'Conflict', status: 409, code: 'duplicate', field: 'koladaKpi', detail: 'Kolada-KPI: en annan indikator har redan N15419.' }),
    });
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Indikatorns namn/ }), 'Behörighet');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Kolada-KPI' }), 'N15419');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(within(dialog).getByRole('textbox', { name: 'Kolada-KPI' }).getAttribute('aria-invalid')).toBe('true'));
    expect(within(dialog).getByText(/en annan indikator har redan N15419/)).toBeTruthy();
  });
});
