import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { OtherUnits } from '../../../../src/contract';
import { reply } from '../../testing/fetch-stub';
import { renderWithSession } from '../../testing/render';
import OtherUnitsView from './other-units-view';

const lind = {
  unitId: '3', name: 'Lindgymnasiet', type: 'gymnasieskola',
  principals: [{ userId: 'p3', name: 'David Sjöberg', chatUrl: 'https://teams.microsoft.com/l/chat/0/0?users=david.sjoberg%40demokommun.example' }],
  analyses: [{
    id: '40', period: '2025/26 HT', submittedAt: '2025-11-10T12:00:00Z', strengths: ['Stark kollegial kultur'], areasToDevelop: ['Studiero i vissa grupper'],
    causes: 'Där lärarna arbetat med formativ bedömning syns förbättringar.', focusAreaIds: ['7'], indicatorIds: ['11'],
  }],
  actions: [
    { id: '50', title: 'Kollegialt lärande om formativ bedömning', status: 'done', dueDate: '2026-05-30', evaluation: 'Fler elever når målen i matematik.', originKind: 'analysis', analysisId: '40', focusAreaIds: ['7'] },
    { id: '51', title: 'Rutin för studiero', status: 'planned', dueDate: '2026-06-10', originKind: 'meeting', focusAreaIds: [] },
  ],
} as const satisfies OtherUnits['units'][number];
const ekbacken = { unitId: '4', name: 'Ekbackens förskola', type: 'förskola', principals: [{ userId: 'p4', name: 'Hanna Vik' }], analyses: [], actions: [] } as const satisfies OtherUnits['units'][number];

const answer = (units: OtherUnits['units']): OtherUnits => ({
  schoolYear: '2025/26',
  schoolYears: ['2025/26', '2024/25'],
  focusAreas: [{ focusAreaId: '7', title: 'Formativ bedömning', unitIds: ['3'] }, { focusAreaId: '8', title: 'Studiero', unitIds: [] }],
  indicators: [{ indicatorId: '11', name: 'Närvaro' }],
  units,
});

describe('OtherUnitsView', () => {
  afterEach(cleanup);

  it('shows another unit\'s submitted analysis, its actions with how they went, and whom to ask about each focus area', async () => {
    renderWithSession(<OtherUnitsView />, { 'GET /api/other-units': () => answer([lind, ekbacken]) });
    const unit = await screen.findByRole('article', { name: 'Lindgymnasiet' });
    expect(within(unit).getByRole('heading', { level: 4, name: 'Analys 2025/26 HT' })).toBeTruthy();
    expect(within(unit).getByText('Stark kollegial kultur')).toBeTruthy();
    expect(within(unit).getByText('Där lärarna arbetat med formativ bedömning syns förbättringar.')).toBeTruthy();
    expect(within(unit).getByText(/Fler elever når målen i matematik\./)).toBeTruthy();
    expect(within(unit).getByText(/Inte utvärderad ännu\./)).toBeTruthy();
    expect(within(unit).getByText(/Utgår från analysen 2025\/26 HT/)).toBeTruthy();
    // read only: nothing to change another unit's work with
    expect(within(unit).queryByRole('button')).toBeNull();
    expect(within(unit).queryByRole('textbox')).toBeNull();

    const areas = screen.getByRole('region', { name: 'Kommunens gemensamma utvecklingsområden' });
    const formative = within(areas).getByRole('list', { name: 'Vem kan jag fråga?' });
    expect(within(formative).getByText('Lindgymnasiet')).toBeTruthy();
    const chat = within(formative).getByRole('link', { name: 'Chatta med David Sjöberg i Teams' });
    expect(chat.getAttribute('href')).toBe('https://teams.microsoft.com/l/chat/0/0?users=david.sjoberg%40demokommun.example');
    expect(within(areas).getByText('Ingen annan enhet arbetar med det här ännu.')).toBeTruthy();
    // a principal whose address is unknown is named, without a link
    const preschool = screen.getByRole('article', { name: 'Ekbackens förskola' });
    expect(within(preschool).getByText('Hanna Vik')).toBeTruthy();
    expect(within(preschool).queryByRole('link')).toBeNull();
    expect(within(preschool).getByText('Ingenting inskickat ännu.')).toBeTruthy();
  });

  it('searches by focus area and by indicator, asking the server, and shows only the units with something that matches', async () => {
    const { seen } = renderWithSession(<OtherUnitsView />, {
      'GET /api/other-units': () => answer([lind, ekbacken]),
      'GET /api/other-units?focusAreaId=7': () => answer([lind, ekbacken]),
      'GET /api/other-units?focusAreaId=7&indicatorId=11': () => answer([{ ...lind, actions: [] }, ekbacken]),
      'GET /api/other-units?schoolYear=2024%2F25&indicatorId=11': () => answer([ekbacken]),
    });
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Fokusområde' }), '7');
    await screen.findByRole('article', { name: 'Lindgymnasiet' });
    expect(screen.queryByRole('article', { name: 'Ekbackens förskola' })).toBeNull();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Indikator' }), '11');
    await expect.poll(() => seen.map((request) => request.path)).toContain('/api/other-units?focusAreaId=7&indicatorId=11');
    // another school year starts from every focus area again
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Läsår' }), '2024/25');
    expect(await screen.findByText('Ingen annan enhet har inskickade analyser eller åtgärder som matchar sökningen.')).toBeTruthy();
    expect(seen.at(-1)?.path).toBe('/api/other-units?schoolYear=2024%2F25&indicatorId=11');
  });

  it('says so when the server refuses (staff: 403), and shows nothing of other units', async () => {
    renderWithSession(<OtherUnitsView />, {
      'GET /api/other-units': () => reply(403, { title: 'Ingen behörighet', status: 403, code: 'forbidden', detail: 'Andra enheters arbete är för rektorer och förvaltningen.' }),
    });
    expect(await screen.findByText(/Andra enheters arbete är för rektorer och förvaltningen\./)).toBeTruthy();
    expect(screen.queryByRole('article')).toBeNull();
  });
});
