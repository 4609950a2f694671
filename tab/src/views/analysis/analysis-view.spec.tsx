import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { schoolYearOf } from '../../util/dates';
import { reply } from '../../testing/fetch-stub';
import type { SeenRequest } from '../../testing/fetch-stub';
import { dialogTitle, item, renderWithSession } from '../../testing/render';
import AnalysisView from './analysis-view';

const year = schoolYearOf();
const start = Number(year.slice(0, 4));
const yearBefore = `${start - 1}/${String(start % 100).padStart(2, '0')}`;
const principal = { userId: 'p', name: 'Cecilia Ek', appRoles: [], units: [{ unitId: '1', name: 'Björkskolan F–6', roles: ['principal'] }] };
const base = {
  'GET /api/me': () => principal,
  'GET /api/units/1/measurements': () => ({ items: [item('20', { unitId: '1', indicatorId: '30', period: year, schoolYear: year, value: 71 })] }),
  'GET /api/indicators': () => ({ items: [item('30', { name: 'Behörighet till gymnasiet', source: 'eligibility', unitOfMeasure: 'percent', direction: 'higherIsBetter', target: 85 })] }),
  'GET /api/units/1/goals': () => ({ items: [] }),
  'GET /api/units/1/feedback': () => ({ items: [] }),
  'GET /api/units/1/actions': () => ({ items: [] }),
  [`GET /api/units/1/analyses?schoolYear=${encodeURIComponent(yearBefore)}`]: () => ({ items: [] }),
  [`GET /api/units/1/follow-up-answers?schoolYear=${encodeURIComponent(year)}`]: () => ({ items: [] }),
  'GET /api/units/1': () => item('1', { name: 'Björkskolan F–6', type: 'grundskola', schoolUnitCode: '12345678', principalIds: ['p'] }),
  [`GET /api/units/1/analysis-support?period=${encodeURIComponent(year)}`]: () => ({
    period: year,
    indicators: [{
      indicator: item('30', { name: 'Behörighet till gymnasiet', source: 'eligibility', unitOfMeasure: 'percent', direction: 'higherIsBetter', target: 85 }),
      series: [{ period: `${Number(year.slice(0, 4)) - 1}/${year.slice(2, 4)}`, value: 74, groups: [{ group: 'Flickor', value: 76 }, { group: 'Pojkar', value: 72 }] }, { period: year, value: 71, groups: [{ group: 'Flickor', value: 78 }, { group: 'Pojkar', value: 64 }] }],
      current: { period: year, value: 71 },
      sameType: { average: 80.5, units: 6 },
      municipality: { average: 79, units: 11 },
      koladaMunicipality: 78.4,
      deviations: [{ kind: 'belowTarget' }, { kind: 'gapGrew', between: ['Flickor', 'Pojkar'], previousGap: 4, gap: 14 }],
    }],
  }),
};
const analysesPath = `GET /api/units/1/analyses?schoolYear=${encodeURIComponent(year)}`;

describe('AnalysisView', () => {
  afterEach(cleanup);

  it('shows beside a linked result what stands out, as questions that go into the analysis of causes', async () => {
    renderWithSession(<AnalysisView unitId="1" />, { ...base, [analysesPath]: () => ({ items: [] }) });
    await screen.findByText('Koppla resultat ovan för att se stöd för analysen här.', undefined, { timeout: 5_000 });
    await userEvent.click(screen.getByRole('checkbox', { name: /Behörighet till gymnasiet/ }));
    await screen.findByText('Vad gör att Behörighet till gymnasiet inte når målet 85?');
    expect(screen.getByRole('img', { name: 'Behörighet till gymnasiet: enhetens värden över tid, y-axeln i Procent från 0 till 100' })).toBeTruthy();
    const comparison = screen.getByRole('table', { name: 'Behörighet till gymnasiet: jämförelse' });
    expect(comparison.textContent).toContain('Snitt för övriga enheter med skolformen Grundskola (antal enheter: 6)80,5');
    // the municipality's own figure from Kolada, beside the average computed from the units
    expect(within(comparison).getByRole('rowheader', { name: 'Kommunen enligt Kolada' }).closest('tr')?.textContent).toBe('Kommunen enligt Kolada78,4');
    const question = 'Varför ökade skillnaden mellan Flickor och Pojkar i Behörighet till gymnasiet, från 4 till 14?';
    await userEvent.type(screen.getByRole('textbox', { name: /Varför blev det/ }), 'Få lärare i matematik.');
    await userEvent.click(screen.getByRole('button', { name: `Lägg till i orsaksanalysen: ${question}` }));
    expect((screen.getByRole('textbox', { name: /Varför blev det/ }) as HTMLTextAreaElement).value).toBe(`Få lärare i matematik.\n\n${question}\n`);
    await screen.findByText('Frågan finns i orsaksanalysen.');
  });

  it('puts strengths first, answers "Hur blev det?" beside last period\'s actions and their evaluations, and saves it', async () => {
    const lastSpring = `${start}-05-20`;
    const actions = [
      item('61', { title: 'Läsgrupper i åk 4', unitId: '1', ownerId: 'p', dueDate: lastSpring, status: 'done', originKind: 'analysis', originId: '8', schoolYear: `${start - 1}/${String(start % 100).padStart(2, '0')}`, evaluation: 'Fler elever läser hemma.' }),
      item('62', { title: 'Rastvärdar', unitId: '1', ownerId: 'p', dueDate: lastSpring, status: 'inProgress', originKind: 'analysis', originId: '8', schoolYear: year }),
      item('63', { title: 'Långt senare', unitId: '1', ownerId: 'p', dueDate: `${start + 1}-05-20`, status: 'planned', originKind: 'analysis', originId: '8', schoolYear: year }),
    ];
    const { seen } = renderWithSession(<AnalysisView unitId="1" />, {
      ...base,
      'GET /api/units/1/actions': () => ({ items: actions }),
      [analysesPath]: () => ({ items: [item('9', { unitId: '1', schoolYear: year, period: year, status: 'submitted', strengths: [], areasToDevelop: [], measurementIds: [], goalIds: [], participants: [] })] }),
      'POST /api/units/1/analyses': (req) => reply(201, item('10', { ...(req.body as object), unitId: '1', status: 'draft' }, '"10,1"'), false),
    });
    const pick = await screen.findByRole('combobox', { name: 'Period' });
    await userEvent.selectOptions(pick, '');
    // only the periods the unit has no analysis for: the whole year is taken
    const periods = screen.getByRole('combobox', { name: 'Period för den nya analysen' }) as HTMLSelectElement;
    expect([...periods.options].map((o) => o.value)).toEqual([`${year} HT`, `${year} VT`]);
    const strengths = screen.getByRole('textbox', { name: /Styrkor/ });
    const followUp = screen.getByRole('textbox', { name: 'Var är vi?' });
    expect(strengths.compareDocumentPosition(followUp) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // HT looks back at the spring before it
    const previous = screen.getByRole('region', { name: /Åtgärder förra perioden/ });
    expect(previous.textContent).toContain('Läsgrupper i åk 4 · Klar');
    expect(previous.textContent).toContain('Fler elever läser hemma.');
    expect(previous.textContent).toContain('Rastvärdar · Pågår');
    expect(previous.textContent).toContain('Inte utvärderad ännu.');
    expect(previous.textContent).not.toContain('Långt senare');
    await userEvent.type(screen.getByRole('textbox', { name: 'Hur blev det?' }), 'Läsgrupperna gav effekt; rastvärdarna fortsätter.');
    await userEvent.click(screen.getByRole('button', { name: 'Spara utkast' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    expect(seen.find((r) => r.method === 'POST')?.body).toMatchObject({ period: `${year} HT`, evaluation: 'Läsgrupperna gav effekt; rastvärdarna fortsätter.' });
  });

  it('looks back in "Hur blev det?" at the actions the previous period\'s analysis led to, whenever they are due', async () => {
    const analysis = (id: string, schoolYear: string, period: string) =>
      item(id, { unitId: '1', schoolYear, period, status: 'submitted', strengths: [], areasToDevelop: [], measurementIds: [], goalIds: [], participants: [] });
    const action = (id: string, title: string, originId: string, dueDate: string) =>
      item(id, { title, unitId: '1', ownerId: 'p', dueDate, status: 'done', originKind: 'analysis', originId, schoolYear: year, evaluation: `Utvärdering av ${title}` });
    const actions = [
      // the autumn's analysis plans the spring: due in the spring, evaluated by the spring's analysis
      action('61', 'Lässtund varje morgon', '9', `${start + 1}-03-31`),
      // last spring's analysis planned the autumn: evaluated by the autumn's analysis
      action('62', 'Rastvärdar hela hösten', '7', `${start}-10-15`),
      // due in the spring, from another analysis: not the spring's to evaluate
      action('63', 'Matematiklyftet', '8', `${start + 1}-03-31`),
    ];
    renderWithSession(<AnalysisView unitId="1" />, {
      ...base,
      'GET /api/units/1/actions': () => ({ items: actions }),
      [analysesPath]: () => ({ items: [analysis('9', year, `${year} HT`)] }),
      [`GET /api/units/1/analyses?schoolYear=${encodeURIComponent(yearBefore)}`]: () => ({ items: [analysis('7', yearBefore, `${yearBefore} VT`)] }),
    });
    await screen.findByRole('region', { name: `Åtgärder förra perioden (${yearBefore} VT)` });
    const autumn = screen.getByRole('region', { name: /Åtgärder förra perioden/ }).textContent;
    expect(autumn).toContain('Rastvärdar hela hösten · Klar');
    expect(autumn).not.toContain('Lässtund varje morgon');

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Period' }), '');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Period för den nya analysen' }), `${year} VT`);
    const spring = (await screen.findByRole('region', { name: `Åtgärder förra perioden (${year} HT)` })).textContent;
    expect(spring).toContain('Lässtund varje morgon · Klar');
    expect(spring).toContain('Utvärdering av Lässtund varje morgon');
    expect(spring).not.toContain('Matematiklyftet');
  });

  it('writes the four questions, saves a draft, then submits it with the draft\'s eTag', async () => {
    const created = (req: SeenRequest) => item('9', { ...(req.body as object), unitId: '1', status: 'draft' }, '"9,1"');
    const { seen } = renderWithSession(<AnalysisView unitId="1" />, {
      ...base,
      [analysesPath]: () => ({ items: [] }),
      'POST /api/units/1/analyses': (req) => reply(201, created(req), false),
      'PATCH /api/analyses/9': (req) => item('9', { ...(seen.find((r) => r.method === 'POST')?.body as object), ...(req.body as object) }, '"9,2"'),
      'POST /api/analyses/9/submit': () => item('9', { unitId: '1', schoolYear: year, period: year, status: 'submitted', strengths: [], areasToDevelop: [], measurementIds: [], goalIds: [], participants: [] }, '"9,3"'),
    });
    await userEvent.type(await screen.findByRole('textbox', { name: 'Var är vi?' }), 'Behörigheten har sjunkit två år i rad.');
    await userEvent.type(screen.getByRole('textbox', { name: /Varför blev det/ }), 'Få lärare i matematik.');
    await userEvent.type(screen.getByRole('textbox', { name: /Styrkor/ }), 'Trygg miljö{enter}Engagerad personal');
    await userEvent.click(screen.getByRole('checkbox', { name: /Behörighet till gymnasiet/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Spara utkast' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    const body = seen.find((r) => r.method === 'POST')?.body;
    expect(body).not.toHaveProperty('unitId');
    expect(body).not.toHaveProperty('status');
    expect(body).toMatchObject({
      schoolYear: year, period: year,
      followUp: 'Behörigheten har sjunkit två år i rad.', causes: 'Få lärare i matematik.',
      strengths: ['Trygg miljö', 'Engagerad personal'], measurementIds: ['20'],
    });
    await screen.findByText('Sparat.');
    // The new analysis is now one of the periods to pick.
    expect((screen.getByRole('combobox', { name: 'Period' }) as HTMLSelectElement).value).toBe('9');
    await userEvent.type(screen.getByRole('textbox', { name: 'Hur gör vi?' }), 'Kollegialt lärande.');
    await userEvent.click(screen.getByRole('button', { name: 'Skicka till huvudmannen' }));
    await userEvent.click(within(await screen.findByRole('alertdialog', { hidden: true })).getByRole('button', { name: 'Skicka in', hidden: true }));
    await screen.findByText('Analysen är inlämnad.');
    const patch = seen.find((r) => r.method === 'PATCH');
    expect(patch?.headers['if-match']).toBe('"9,1"');
    expect(patch?.body).toEqual({ approach: 'Kollegialt lärande.' });
    expect(seen.find((r) => r.path === '/api/analyses/9/submit')?.headers['if-match']).toBe('"9,2"');
    expect(screen.getByText('Analysen är inlämnad och kan inte ändras.')).toBeTruthy();
  });

  it('asks before it submits: a submitted analysis is read-only and the organizer reads it; Avbryt sends nothing', async () => {
    const draft = item('9', { unitId: '1', schoolYear: year, period: year, status: 'draft', followUp: 'Var vi är', strengths: [], areasToDevelop: [], measurementIds: [], goalIds: [], participants: [] }, '"9,2"');
    const { seen } = renderWithSession(<AnalysisView unitId="1" />, {
      ...base,
      [analysesPath]: () => ({ items: [draft] }),
      'POST /api/analyses/9/submit': () => ({ ...draft, status: 'submitted', etag: '"9,3"' }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Skicka till huvudmannen' }, { timeout: 5_000 }));
    const question = await screen.findByRole('alertdialog', { hidden: true });
    expect(dialogTitle(question)).toBe('Skicka in analysen?');
    expect(question.textContent).toContain('En inskickad analys går inte längre att ändra, och huvudmannen kan läsa den');
    expect(within(question).getAllByRole('button', { hidden: true }).map((b) => b.textContent)).toEqual(['Avbryt', 'Skicka in']);
    await userEvent.click(within(question).getByRole('button', { name: 'Avbryt', hidden: true }));
    await waitFor(() => expect(screen.queryByRole('alertdialog', { hidden: true })).toBeNull());
    expect(seen.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(screen.getByRole('textbox', { name: 'Var är vi?' })).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Skicka till huvudmannen' }));
    await userEvent.click(within(await screen.findByRole('alertdialog', { hidden: true })).getByRole('button', { name: 'Skicka in', hidden: true }));
    await screen.findByText('Analysen är inlämnad.');
    expect(seen.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/analyses/9/submit']);
  });

  it('shows what the unit answered after its meetings beside the analysis, without who answered', async () => {
    renderWithSession(<AnalysisView unitId="1" />, {
      ...base,
      [analysesPath]: () => ({ items: [] }),
      [`GET /api/units/1/follow-up-answers?schoolYear=${encodeURIComponent(year)}`]: () => ({
        items: [{
          meetingId: '5', title: 'Resultatkonferens VT', type: 'resultsConference', startsAt: '2026-06-05T13:00:00Z', respondents: 2,
          questions: [
            { questionId: 'causes', sv: 'Varför blev det som det blev?', en: 'Why?', kind: 'text', texts: ['Studieron avgjorde.'], scaleCount: 0 },
            { questionId: 'clarity', sv: 'Hur tydligt är ansvaret?', en: 'How clear?', kind: 'scale', texts: [], scaleMean: 3.5, scaleCount: 2 },
          ],
        }],
      }),
    });
    expect(await screen.findByRole('heading', { name: 'Svar på uppföljningsfrågor efter årets möten' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText(/Resultatkonferens VT, .*: 2 svar/)).toBeTruthy();
    expect(screen.getByText('Studieron avgjorde.')).toBeTruthy();
    expect(screen.getByText('Medel 3,5 av 4 (2 svar)')).toBeTruthy();
  });

  it('shows a submitted analysis read-only with its feedback', async () => {
    renderWithSession(<AnalysisView unitId="1" />, {
      ...base,
      'GET /api/units/1/feedback': () => ({ items: [item('40', { unitId: '1', analysisId: '9', schoolYear: year, text: 'Tack, bra analys av orsakerna.', authorId: 'a', givenAt: '2025-12-01T10:00:00Z' })] }),
      [analysesPath]: () => ({ items: [item('9', { unitId: '1', schoolYear: year, period: year, status: 'feedbackGiven', followUp: 'Var vi är', strengths: [], areasToDevelop: [], measurementIds: [], goalIds: [], participants: [] })] }),
    });
    expect(await screen.findByText('Tack, bra analys av orsakerna.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Skicka till huvudmannen' })).toBeNull();
    // read-only content is text, not a grey control
    expect(screen.queryByRole('textbox', { name: 'Var är vi?' })).toBeNull();
    expect(screen.getByRole('group', { name: 'Var är vi?' }).textContent).toContain('Var vi är');
  });

  it('shows a submitted analysis as text in full contrast: every strength, the linked results, no disabled controls', async () => {
    renderWithSession(<AnalysisView unitId="1" />, {
      ...base,
      [analysesPath]: () => ({ items: [item('9', { unitId: '1', schoolYear: year, period: year, status: 'submitted', followUp: 'Var vi är', strengths: ['Trygg skolmiljö', 'Engagerade lärare', 'Tydlig läsundervisning'], areasToDevelop: [], measurementIds: ['20'], goalIds: [], participants: [] })] }),
    });
    const strengths = await screen.findByRole('group', { name: 'Styrkor' });
    expect([...strengths.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Trygg skolmiljö', 'Engagerade lärare', 'Tydlig läsundervisning']);
    expect(screen.getByRole('group', { name: 'Kopplade resultat' }).textContent).toContain('Behörighet till gymnasiet');
    expect(screen.getByRole('group', { name: 'Utvecklingsområden' }).textContent).toContain('Inte ifyllt.');
    expect(screen.queryAllByRole('textbox')).toEqual([]);
    expect(screen.queryAllByRole('checkbox')).toEqual([]);
  });

  it('shows staff the analysis read-only and says who writes it', async () => {
    renderWithSession(<AnalysisView unitId="1" />, {
      ...base,
      'GET /api/me': () => ({ ...principal, units: [{ unitId: '1', name: 'Björkskolan F–6', roles: ['staff'] }] }),
      [analysesPath]: () => ({ items: [item('9', { unitId: '1', schoolYear: year, period: year, status: 'draft', followUp: 'Utkast', strengths: [], areasToDevelop: [], measurementIds: [], goalIds: [], participants: [] })] }),
    });
    expect(await screen.findByText('Enhetens rektor skriver och skickar in analysen. Du kan läsa den här.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Spara utkast' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Var är vi?' })).toBeNull();
    expect(screen.getByRole('group', { name: 'Var är vi?' }).textContent).toContain('Utkast');
  });
});
