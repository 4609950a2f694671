import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Indicator, Measurement, Unit } from '../../../../src/contract';
import { reply } from '../../testing/fetch-stub';
import { item, renderWithSession } from '../../testing/render';
import { schoolYearOf } from '../../util/dates';
import { ResultsEntry } from './results-entry';

afterEach(cleanup);

const year = schoolYearOf();
const autumn = `${year} HT`;
const unit: Unit = item('1', { name: 'Björkskolans fritidshem', type: 'fritidshem', schoolUnitCode: '91234502', principalIds: [] });
const indicator = (id: string, name: string, fields: Partial<Indicator> = {}): Indicator =>
  item(id, { name, source: 'survey', unitOfMeasure: 'percent', direction: 'higherIsBetter', ...fields });
const indicators = [
  indicator('a', 'Deltagande', { unitTypes: ['fritidshem'], groups: ['Flickor', 'Pojkar'] }),
  indicator('b', 'Trygghet', { unitTypes: ['fritidshem', 'grundskola'] }),
  indicator('c', 'Meritvärde', { unitTypes: ['grundskola'] }),
  indicator('d', 'Gammal enkät', { unitTypes: ['fritidshem'], archivedOn: '2020-01-10' }),
];
const stored: Measurement = item('m1', { unitId: '1', indicatorId: 'b', period: autumn, schoolYear: year, value: 3.1 }, '"m1,1"');

function renderEntry(routes: Parameters<typeof renderWithSession>[1], saved: string[] = []) {
  return renderWithSession(<ResultsEntry unit={unit} indicators={indicators} measurements={[stored]} onSaved={() => saved.push('saved')} />, routes);
}

async function chooseAutumn() {
  await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Period' }), autumn);
}

describe('ResultsEntry', () => {
  it('has a row for each indicator in use that applies to the unit\'s type, and a column for the total and each group', async () => {
    renderEntry({});
    await chooseAutumn();
    const table = screen.getByRole('table', { name: 'Registrera resultat' });
    expect(within(table).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Indikator', 'Totalt', 'Flickor', 'Pojkar', 'Status', 'Spara']);
    expect(within(table).queryByText('Meritvärde')).toBeNull();
    expect(within(table).queryByText('Gammal enkät')).toBeNull();
    expect(within(table).getByText('Deltagande')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Trygghet, Totalt' }) as HTMLInputElement).value).toBe('3,1');
    // the period offers the year, its terms and its months
    const periods = within(screen.getByRole('combobox', { name: 'Period' })).getAllByRole('option').map((o) => (o as HTMLOptionElement).value);
    expect(periods.slice(0, 4)).toEqual([year, autumn, `${year} VT`, `${year} ${year.slice(0, 4)}-08`]);
    expect(periods).toHaveLength(14);
  });

  it('saves a row typed the Swedish way as one new result, and says "Sparat."', async () => {
    const saved: string[] = [];
    const { seen } = renderEntry({
      'POST /api/units/1/measurements': (req) => reply(201, item('m2', { unitId: '1', schoolYear: year, ...(req.body as object) }), false),
    }, saved);
    await chooseAutumn();
    await userEvent.type(screen.getByRole('textbox', { name: 'Deltagande, Totalt' }), '1 012,5 %');
    await userEvent.type(screen.getByRole('textbox', { name: 'Deltagande, Flickor' }), '−3');
    await userEvent.type(screen.getByRole('textbox', { name: 'Deltagande, Pojkar' }), '..');
    await userEvent.click(screen.getByRole('button', { name: 'Spara Deltagande' }));
    await waitFor(() => expect(saved).toEqual(['saved']));
    expect(seen.find((r) => r.method === 'POST')?.body).toEqual({ indicatorId: 'a', period: autumn, value: 1012.5, groups: [{ group: 'Flickor', value: -3 }] });
    const row = screen.getByRole('row', { name: /Deltagande/ });
    expect(within(row).getByText('Sparat.')).toBeTruthy();
  });

  it('names the cell that is not a number and sends nothing', async () => {
    const { seen } = renderEntry({});
    await chooseAutumn();
    await userEvent.type(screen.getByRole('textbox', { name: 'Deltagande, Totalt' }), '80');
    await userEvent.type(screen.getByRole('textbox', { name: 'Deltagande, Pojkar' }), 'åttio');
    await userEvent.click(screen.getByRole('button', { name: 'Spara Deltagande' }));
    await screen.findByText('Skriv ett tal, till exempel 12,5.');
    expect(screen.getByRole('textbox', { name: 'Deltagande, Pojkar' }).getAttribute('aria-invalid')).toBe('true');
    expect(seen.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('corrects a result with If-Match, and on a 409 shows the current value until the user chooses', async () => {
    const theirs = { ...stored, etag: '"m1,3"', value: 3.3 };
    const { seen } = renderEntry({
      'PATCH /api/measurements/m1': (req) => (req.headers['if-match'] === '"m1,1"'
        ? reply(409, { title: 'Conflict', status: 409, code: 'conflict', detail: 'Ändrad av någon annan.', current: theirs })
        : item('m1', { ...theirs, ...(req.body as object) }, '"m1,4"')),
    });
    await chooseAutumn();
    const cell = screen.getByRole('textbox', { name: 'Trygghet, Totalt' });
    await userEvent.clear(cell);
    await userEvent.type(cell, '3,2');
    await userEvent.click(screen.getByRole('button', { name: 'Spara Trygghet' }));
    const conflict = await screen.findByTestId('conflict');
    expect(within(conflict).getByText('3,3')).toBeTruthy();
    expect(within(conflict).getByText('3,2')).toBeTruthy();
    await userEvent.click(within(conflict).getByRole('button', { name: 'Spara min version ovanpå' }));
    await waitFor(() => expect(seen.filter((r) => r.method === 'PATCH')).toHaveLength(2));
    const second = seen.filter((r) => r.method === 'PATCH')[1];
    expect(second?.headers['if-match']).toBe('"m1,3"');
    expect(second?.body).toEqual({ value: 3.2 });
  });
});
