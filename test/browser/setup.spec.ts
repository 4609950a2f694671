import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Frame, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeficiencyRegister, GoalTree, ImportJob, Indicator, IndicatorPage, MeasurementPage, Me, Overview, Setup, UnitPage } from '../../src/contract';
import { schoolYearOf } from '../../src/domain';
import { appFrame, axeViolations, screenshotDir, signIn, skipReason, startBrowserHarness, switchHostTheme, type BrowserHarness } from './harness';

// The only environment read in these tests: CI must never skip them.
const skip = skipReason({ CI: process.env.CI });
if (skip) console.warn(skip);

const registerFile = fileURLToPath(new URL('../fixtures/skolverket-register/school-unit-details-9961.json', import.meta.url));
const administration = 'Anna Lindqvist';
const principal = { persona: 'principal-lind', name: 'David Sjöberg' };
const unitName = 'Sjöviksskolan F-6';
/** the unit's id in Kolada's files, set in the unit dialog */
const koladaUnitId = 'V15E999000101';
const year = schoolYearOf(new Date());
const autumn = `${year} HT`;
const indicators = [
  { name: 'Trygghet i skolan, egen enkät', kpi: 'U15461', source: 'Enkät', measure: 'Skala 1–4', target: '3,4', typed: ['3,3', '3,5', '3,1', '3,0'] },
  { name: 'Närvaro i undervisningen', kpi: 'N15419', source: 'Annat', measure: 'Procent', target: '85', typed: ['82,5 %', '84', '81', '..'] },
] as const;
const indicatorNames = indicators.map((i) => i.name);
const boardGoal = 'Alla elever når målen';
const area = 'Kompensatoriska uppdraget';
const unitGoal = 'Fler nyanlända elever når målen i svenska';
const finding = 'Skolinspektionen: uppföljning av elevernas kunskapsutveckling';
const actionTitle = 'Gemensam uppföljning av kunskapsutvecklingen varje termin';


/**
 * A municipality sets itself up from an empty site (SEED=none) and feeds its first cycle, in one
 * run: the principal is told to wait; the administration goes through the set-up guide (imports
 * Skolverket's register, gives a unit its principal, staff group and Kolada id, creates two
 * indicators with Kolada KPI ids and groups, a board goal and a prioritized area); the principal
 * then sees the unit, links its channel, enters a term's results, sets a unit goal under the area,
 * records a Skolinspektionen finding and its action, and sees the overview's cycle move; a Kolada
 * import finds the unit and the indicators by the ids set in the forms. Every new view passes axe
 * in light, dark and high contrast at 1280 and 375 px.
 */
describe.skipIf(skip !== null)('from an empty site to a moving cycle, in a real browser against the real server', () => {
  let h: BrowserHarness;
  let unitId = '';

  beforeAll(async () => {
    h = await startBrowserHarness({ seed: 'none' });
    await mkdir(screenshotDir, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  async function expectAccessible(target: Page | Frame, view: string): Promise<void> {
    expect(await axeViolations(target), `axe on ${view}`).toEqual([]);
  }

  /** The whole page; a dialog as the screen shows it (the page behind it scrolls on). */
  async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
    await page.screenshot({ path: path.join(screenshotDir, `setup-${name}.png`), fullPage });
  }

  async function open(name: string, query: string, testId: string, width = 1280) {
    const { page } = await h.newPage({ width });
    await page.goto(`${h.url}/tab?${query}`);
    await signIn(page, name);
    await page.getByTestId(testId).waitFor();
    return page;
  }

  /** Waits for the dialog to leave and the page behind it to be given back to assistive technology (a moment after). */
  const dialogGone = async (page: Page) => {
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.locator('#root:not([aria-hidden="true"])').waitFor({ state: 'attached' });
  };
  const shootView = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
  const followUp = async () => (await h.api<Overview>(principal.persona, 'GET', `/api/units/${unitId}/overview`)).cycle.phases.followUp;
  /** The state the overview's card of a phase shows, in words. */
  const phaseCard = (page: Page, phase: string): Locator => page.getByTestId('overview').getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: phase, exact: true }) });

  it('starts empty: no unit, and the guide\'s steps all undone', async () => {
    const units = await h.api<UnitPage>('admin', 'GET', '/api/units?archived=include');
    expect(units.items).toEqual([]);
    const setup = await h.api<Setup>('admin', 'GET', '/api/setup');
    expect(setup.configured).toBe(false);
    expect(setup.steps?.every((step) => !step.done)).toBe(true);
  });

  it('tells a principal with no unit yet that it is not set up, and whom to ask', async () => {
    const { page } = await h.newPage();
    await page.goto(`${h.url}/tab`);
    await signIn(page, principal.name);
    await page.getByRole('heading', { name: 'Kvalitetshjulet är inte konfigurerat ännu' }).waitFor();
    await page.getByText(/Förvaltningen lägger in kommunens enheter\. Fråga /).waitFor();
    await expectAccessible(page, 'not set up');
    await shoot(page, '0-not-set-up');
  });

  it('takes the administration through the unit steps: the register imported, a principal and a staff group assigned', async () => {
    const { page } = await h.newPage();
    await page.goto(`${h.url}/tab?view=organizer`);
    await signIn(page, administration);
    // an empty site opens the guide
    await page.getByTestId('setup').waitFor();
    await page.getByRole('tab', { name: 'Kom igång', selected: true }).waitFor();
    await page.getByText('0 av 5 steg klara').waitFor();
    await expectAccessible(page, 'set-up guide (empty)');
    await shoot(page, '1-guide');

    // step 1: Skolverket's register, as the file of its units' details
    const units = page.getByTestId('setup-step-units');
    await units.getByTestId('unit-import-file').setInputFiles(registerFile);
    await units.getByText('school-unit-details-9961.json').waitFor();
    await units.getByRole('button', { name: 'Förhandsgranska' }).click();
    const preview = units.getByTestId('unit-import-preview');
    await preview.waitFor();
    await preview.getByText(/^11 nya, 0 ändrade, 0 oförändrade, 2 hoppas över, 0 kan inte importeras$/).waitFor();
    await expectAccessible(page, 'register preview');
    await shoot(page, '2-import-preview');
    await units.getByRole('button', { name: 'Importera 11 enheter' }).click();
    await units.getByTestId('unit-import-done').getByText('Enheterna är importerade: 11 nya, 0 ändrade, 0 oförändrade.').waitFor();
    const imported = await h.api<UnitPage>('admin', 'GET', '/api/units');
    expect(imported.items.length).toBeGreaterThanOrEqual(10);
    await page.getByTestId('setup-step-units').and(page.locator('[data-done="true"]')).waitFor();
    await page.getByText('1 av 5 steg klara').waitFor();

    // step 2: the unit's principal and staff group, from the directory
    const people = page.getByTestId('setup-step-people');
    await people.getByText('0 av 11 enheter har rektor och personalgrupp').waitFor();
    await people.getByRole('button', { name: `Ange rektor och personalgrupp: ${unitName}` }).click();
    const dialog = page.getByRole('dialog', { name: `Redigera ${unitName}` });
    await dialog.getByRole('searchbox', { name: 'Sök person i katalogen' }).fill('Dav');
    await dialog.getByRole('button', { name: `Välj ${principal.name}` }).click();
    await dialog.getByRole('list', { name: 'Valda: Rektorer' }).getByText(principal.name).waitFor();
    await dialog.getByRole('searchbox', { name: 'Sök grupp i katalogen' }).fill('Personal Lind');
    await dialog.getByRole('button', { name: 'Välj Personal Lindgymnasiet' }).click();
    await dialog.getByRole('list', { name: 'Valda: Personalgrupp' }).getByText('Personal Lindgymnasiet').waitFor();
    await dialog.getByRole('textbox', { name: 'Koladas enhets-id' }).fill(koladaUnitId.toLowerCase());
    await expectAccessible(page, 'unit dialog');
    await shoot(page, '3-principal-and-staff', false);
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.waitFor({ state: 'detached' });
    await people.getByText('1 av 11 enheter har rektor och personalgrupp').waitFor();
    await expect(people.getByRole('button', { name: `Ange rektor och personalgrupp: ${unitName}` }).count()).resolves.toBe(0);
    await shoot(page, '4-guide-after');

    const me = await h.api<Me>(principal.persona, 'GET', '/api/me');
    expect(me.units.map((u) => u.name)).toEqual([unitName]);
    unitId = me.units[0]?.unitId ?? '';
    const unit = (await h.api<UnitPage>('admin', 'GET', '/api/units')).items.find((u) => u.name === unitName);
    expect(unit?.koladaId).toBe(koladaUnitId);
  });

  it('shows the principal their unit once the administration has assigned them', async () => {
    const { page } = await h.newPage();
    await page.goto(`${h.url}/tab`);
    await signIn(page, principal.name);
    await page.getByTestId('overview').waitFor();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(unitName);
    await expectAccessible(page, 'the principal\'s unit');
    await shoot(page, '5-principal-unit');
  });

  it('lets the principal link their channel to the unit on the fresh site, through the Teams host', async () => {
    const { page } = await h.newPage();
    const [teamId, channelId] = ['19:sjovik-team@thread.tacv2', '19:sjovik-kvalitet@thread.tacv2'];
    await page.goto(`${h.url}/__teams-host?frameContext=settings&teamId=${encodeURIComponent(teamId)}&channelId=${encodeURIComponent(channelId)}&src=${encodeURIComponent('/config')}`);
    const frame = page.frameLocator('iframe#app');
    await frame.getByRole('button', { name: `Logga in som ${principal.name}` }).click();
    await frame.getByTestId('config').waitFor();
    // the principal is offered the one unit they lead, of the eleven imported
    await expect(frame.getByRole('radio').count()).resolves.toBe(1);
    await frame.getByRole('radio', { name: new RegExp(`^${unitName}`) }).check();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __host: { valid: unknown } }).__host.valid)).toBe(true);
    await expectAccessible(appFrame(page), 'config on a fresh site');
    await page.evaluate(() => (window as unknown as { __host: { save(): void } }).__host.save());
    await expect.poll(() => page.evaluate(() => (window as unknown as { __host: { saveResult: unknown } }).__host.saveResult)).toBe('success');
    const bound = await h.api<{ name: string }>(principal.persona, 'GET', `/api/units/by-channel?teamId=${encodeURIComponent(teamId)}&channelId=${encodeURIComponent(channelId)}`);
    expect(bound.name).toBe(unitName);
  });

  it('lets the administration create two indicators with a Kolada KPI id and groups, a board goal and a prioritized area', async () => {
    const page = await open('Anna Lindqvist', 'view=organizer&section=indicators', 'indicators');
    await expectAccessible(page, 'indicators');
    for (const [i, { name, kpi, source, measure, target }] of indicators.entries()) {
      await page.getByRole('button', { name: 'Ny indikator' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: /Indikatorns namn/ }).fill(name);
      await dialog.getByRole('combobox', { name: 'Källa' }).selectOption({ label: source });
      await dialog.getByRole('combobox', { name: 'Mäts i' }).selectOption({ label: measure });
      await dialog.getByRole('textbox', { name: 'Mål' }).fill(target);
      await dialog.getByRole('textbox', { name: 'Kolada-KPI' }).fill(kpi);
      await dialog.getByRole('checkbox', { name: 'Grundskola', exact: true }).check();
      await dialog.getByRole('textbox', { name: 'Grupper' }).fill('Flickor\nPojkar\nNyanlända');
      if (i === 0) await expectAccessible(page, 'indicator dialog');
      await dialog.getByRole('button', { name: 'Spara' }).click();
      await page.getByText(`Indikatorn ${name} är sparad.`).waitFor();
    }
    await dialogGone(page);
    const row = page.locator('tr', { hasText: indicators[0].name });
    await row.getByText(indicators[0].kpi).waitFor();
    await row.getByText('Flickor, Pojkar, Nyanlända').waitFor();
    await shootView(page, 'indicators');

    const stored = (await h.api<IndicatorPage>('admin', 'GET', '/api/indicators')).items.filter((i) => indicatorNames.some((n) => n === i.name));
    expect(stored.map((i) => [i.koladaKpi, i.unitTypes, i.groups, i.target])).toEqual([
      [indicators[0].kpi, ['grundskola'], ['Flickor', 'Pojkar', 'Nyanlända'], 3.4],
      [indicators[1].kpi, ['grundskola'], ['Flickor', 'Pojkar', 'Nyanlända'], 85],
    ]);
    // the first indicators that apply to the school, no result yet: its follow-up has not begun
    expect(await followUp()).toBe('notStarted');

    await page.getByRole('tab', { name: 'Mål' }).click();
    await page.getByTestId('organizer-goals').waitFor();
    await page.getByRole('button', { name: 'Nytt nämndmål' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: /Rubrik/ }).fill(boardGoal);
    await page.getByRole('dialog').getByRole('button', { name: 'Spara' }).click();
    await page.getByText(`Målet ${boardGoal} är sparat.`).waitFor();
    await page.getByRole('button', { name: 'Nytt fokusområde' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /Rubrik/ }).fill(area);
    await dialog.getByRole('combobox', { name: 'Står under' }).selectOption({ label: boardGoal });
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await page.getByText(`Målet ${area} är sparat.`).waitFor();
    await dialogGone(page);
    await page.getByTestId('goal-tree').getByRole('heading', { level: 4, name: area }).waitFor();
    await expectAccessible(page, 'organizer goals');

    const tree = await h.api<GoalTree>('admin', 'GET', `/api/organizer/goal-tree?schoolYear=${encodeURIComponent(year)}`);
    const node = tree.organizerGoals.find((n) => n.goal.title === boardGoal);
    expect(node?.areas.map((a) => a.goal.title)).toEqual([area]);
  });

  it('lets the principal enter a term\'s results the Swedish way, and the overview\'s follow-up turns done', async () => {
    const page = await open(principal.name, `unitId=${unitId}&view=overview`, 'overview');
    await phaseCard(page, 'Uppföljning').getByText('Ej påbörjad').waitFor();

    await page.getByRole('tab', { name: 'Resultat' }).click();
    const entry = page.getByTestId('results-entry');
    await entry.waitFor();
    await entry.getByRole('combobox', { name: 'Läsår' }).selectOption(year);
    await entry.getByRole('combobox', { name: 'Period' }).selectOption(autumn);
    for (const { name, typed } of indicators) {
      const [total, girls, boys, newcomers] = typed;
      await entry.getByRole('textbox', { name: `${name}, Totalt` }).fill(total);
      await entry.getByRole('textbox', { name: `${name}, Flickor` }).fill(girls);
      await entry.getByRole('textbox', { name: `${name}, Pojkar` }).fill(boys);
      await entry.getByRole('textbox', { name: `${name}, Nyanlända` }).fill(newcomers);
    }
    // a cell that is not a number is named, and nothing is saved
    await entry.getByRole('textbox', { name: `${indicators[1].name}, Pojkar` }).fill('åttioett');
    await entry.getByRole('button', { name: `Spara ${indicators[1].name}` }).click();
    await entry.getByText('Skriv ett tal, till exempel 12,5.').waitFor();
    await entry.getByRole('textbox', { name: `${indicators[1].name}, Pojkar` }).fill('81');
    for (const name of indicatorNames) {
      await entry.getByRole('button', { name: `Spara ${name}` }).click();
      await entry.locator('tr', { hasText: name }).getByText('Sparat.').waitFor();
    }
    await expectAccessible(page, 'results entry');
    await shootView(page, 'results-entry');

    const stored = (await h.api<MeasurementPage>(principal.persona, 'GET', `/api/units/${unitId}/measurements?top=500`)).items;
    const all = (await h.api<IndicatorPage>('admin', 'GET', '/api/indicators')).items;
    const byName = (name: string): Indicator | undefined => all.find((i) => i.name === name);
    const first = stored.find((m) => m.indicatorId === byName(indicators[0].name)?.id && m.period === autumn);
    const second = stored.find((m) => m.indicatorId === byName(indicators[1].name)?.id && m.period === autumn);
    expect(first?.value).toBe(3.3);
    expect(first?.groups).toEqual(expect.arrayContaining([{ group: 'Flickor', value: 3.5 }, { group: 'Nyanlända', value: 3 }]));
    expect(second?.value).toBe(82.5);
    // ".." is no value: Nyanlända has none for the second indicator
    expect(second?.groups?.map((g) => g.group).sort()).toEqual(['Flickor', 'Pojkar']);

    expect(await followUp()).toBe('done');
    await page.getByRole('tab', { name: 'Översikt' }).click();
    await phaseCard(page, 'Uppföljning').getByText('Klar').waitFor();
    await shoot(page, '9-overview-follow-up-done');
  });

  it('lets the principal set a unit goal under the prioritized area, and shows it in the hierarchy', async () => {
    const page = await open(principal.name, `unitId=${unitId}&view=goals`, 'goals');
    await page.getByRole('button', { name: 'Nytt mål för enheten' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /Rubrik/ }).fill(unitGoal);
    await dialog.getByRole('combobox', { name: /Står under/ }).selectOption({ label: `Fokusområde: ${area} (${boardGoal})` });
    await expectAccessible(page, 'unit goal dialog');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await page.getByText(`Målet ${unitGoal} är sparat.`).waitFor();
    await dialogGone(page);
    const areaNode = page.locator('li', { has: page.getByRole('heading', { level: 4, name: area }) });
    await areaNode.getByRole('heading', { level: 5, name: unitGoal }).waitFor();
    await expectAccessible(page, 'unit goals');
    await shootView(page, 'goals');

    const tree = await h.api<GoalTree>(principal.persona, 'GET', `/api/units/${unitId}/goal-tree?schoolYear=${encodeURIComponent(year)}`);
    const under = tree.organizerGoals.find((n) => n.goal.title === boardGoal)?.areas.find((a) => a.goal.title === area)?.unitGoals;
    expect(under?.map((g) => g.goal.title)).toEqual([unitGoal]);
  });

  it('records a Skolinspektionen finding, flags it without an action, and takes its action from the register', async () => {
    const page = await open(principal.name, `unitId=${unitId}&view=deficiencies`, 'deficiencies');
    await page.getByRole('button', { name: 'Registrera brist' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /Rubrik/ }).fill(finding);
    await dialog.getByRole('combobox', { name: 'Källa' }).selectOption({ label: 'Skolinspektionen' });
    await dialog.getByRole('textbox', { name: 'Beskrivning' }).fill('Beslut efter tillsyn: rektorn ska följa upp elevernas kunskapsutveckling och analysera resultaten.');
    await dialog.getByLabel('Sista dag').fill(`${Number(year.slice(0, 4)) + 1}-05-31`);
    // a case number Skolinspektionen does not write is named beside its field
    await dialog.getByRole('textbox', { name: 'Diarienummer' }).fill('1234');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.getByRole('textbox', { name: 'Diarienummer' }).and(page.locator('[aria-invalid="true"]')).waitFor();
    await dialog.getByRole('textbox', { name: 'Diarienummer' }).fill(`SI ${year.slice(0, 4)}:5123`);
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await page.getByText(`Bristen ${finding} är sparad.`).waitFor();
    await dialogGone(page);
    const card = page.locator('li[data-deficiency]', { hasText: finding });
    await card.getByText('Saknar åtgärd').waitFor();
    await expect(card.getByRole('button', { name: `Stäng bristen: ${finding}` }).isDisabled()).resolves.toBe(true);

    await card.getByRole('button', { name: `Ny åtgärd för ${finding}` }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /Rubrik/ }).fill(actionTitle);
    await dialog.getByLabel(/Klart senast/).fill(`${Number(year.slice(0, 4)) + 1}-03-15`);
    await expectAccessible(page, 'action from a deficiency');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await page.getByText(`Åtgärden ${actionTitle} är sparad.`).waitFor();
    await dialogGone(page);
    await card.getByText(actionTitle).waitFor();
    await expect(card.getByText('Saknar åtgärd').count()).resolves.toBe(0);
    await expectAccessible(page, 'deficiencies');
    await shootView(page, 'deficiencies');

    const register = await h.api<DeficiencyRegister>(principal.persona, 'GET', `/api/units/${unitId}/deficiency-register`);
    const entry = register.items.find((e) => e.deficiency.title === finding);
    expect(entry?.deficiency).toMatchObject({ source: 'inspection', caseNumber: `SI ${year.slice(0, 4)}:5123`, status: 'open' });
    expect(entry?.actions.map((a) => a.title)).toEqual([actionTitle]);
    expect(entry?.withoutAction).toBe(false);

    // the overview lists it among the open deficiencies
    await page.getByRole('tab', { name: 'Översikt' }).click();
    await page.getByTestId('overview-deficiencies').getByText(finding).waitFor();
  });

  it('imports Kolada\'s results by the KPI ids and the Kolada unit id set in the forms', async () => {
    const all = (await h.api<IndicatorPage>('admin', 'GET', '/api/indicators')).items;
    const kpi = indicators[1].kpi;
    const csv = `kpi;ou;period;value;gender\n${kpi};${koladaUnitId};${year};84,0;T\n${kpi};${koladaUnitId};${year};85,5;K\n${kpi};${koladaUnitId};${year};82,5;M\n`;
    let report = await h.api<ImportJob>('admin', 'POST', '/api/organizer/imports', { kind: 'kolada', csv });
    for (let poll = 0; poll < 600 && (report.state === 'queued' || report.state === 'running'); poll++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      report = await h.api<ImportJob>('admin', 'GET', `/api/organizer/imports/${report.id}`);
    }
    expect(report.state).toBe('done');
    expect(report.created + report.updated).toBe(1);
    const id = all.find((i) => i.koladaKpi === kpi)?.id;
    const stored = (await h.api<MeasurementPage>('admin', 'GET', `/api/units/${unitId}/measurements?top=500`)).items.find((m) => m.indicatorId === id && m.period === year);
    expect(stored?.value).toBe(84);
    expect(stored?.groups).toEqual(expect.arrayContaining([{ group: 'Flickor', value: 85.5 }, { group: 'Pojkar', value: 82.5 }]));
  });

  it('passes axe on every new view in light, dark and high contrast, at 1280 and 375 px', async () => {
    const views = [
      { persona: 'Anna Lindqvist', src: '/tab?view=organizer&section=indicators', testId: 'indicators' },
      { persona: 'Anna Lindqvist', src: '/tab?view=organizer&section=goals', testId: 'organizer-goals' },
      { persona: 'Anna Lindqvist', src: '/tab?view=organizer&section=deficiencies', testId: 'organizer-deficiencies' },
      { persona: principal.name, src: `/tab?unitId=${unitId}&view=results`, testId: 'results-entry' },
      { persona: principal.name, src: `/tab?unitId=${unitId}&view=goals`, testId: 'goals' },
      { persona: principal.name, src: `/tab?unitId=${unitId}&view=deficiencies`, testId: 'deficiencies' },
      { persona: principal.name, src: `/tab?unitId=${unitId}&view=overview`, testId: 'overview-deficiencies' },
    ];
    // one page per view: each theme as Teams switches it, checked at both widths
    for (const view of views) {
      const { page, context } = await h.newPage();
      await page.goto(`${h.url}/__teams-host?frameContext=content&theme=default&src=${encodeURIComponent(view.src)}`);
      const frame = page.frameLocator('iframe#app');
      await frame.getByRole('button', { name: `Logga in som ${view.persona}` }).click();
      await frame.getByTestId(view.testId).waitFor();
      const tab = appFrame(page);
      for (const theme of ['default', 'dark', 'contrast'] as const) {
        if (theme !== 'default') await switchHostTheme(page, theme);
        for (const width of [1280, 375]) {
          await page.setViewportSize({ width, height: 900 });
          await expectAccessible(tab, `${view.testId} (${theme}, ${width} px)`);
        }
      }
      await context.close();
    }
  }, 300_000);

  it('lists the units at the organizer\'s level, axe-clean at 375 px and in the dark and high-contrast themes', async () => {
    const narrow = await h.newPage({ width: 375, height: 812 });
    await narrow.page.goto(`${h.url}/tab?view=organizer&section=units`);
    await signIn(narrow.page, administration);
    const table = narrow.page.getByRole('table', { name: 'Enheter' });
    await table.getByRole('row', { name: new RegExp(unitName) }).waitFor();
    await expect(table.getByRole('row').count()).resolves.toBe(12);
    await expectAccessible(narrow.page, 'units (375 px)');
    await shoot(narrow.page, '6-units-375');
    await narrow.page.goto(`${h.url}/tab?view=organizer&section=setup`);
    await narrow.page.getByTestId('setup').waitFor();
    await expectAccessible(narrow.page, 'set-up guide (375 px)');

    const { page } = await h.newPage();
    await page.goto(`${h.url}/__teams-host?frameContext=content&theme=contrast&src=${encodeURIComponent('/tab?view=organizer&section=setup')}`);
    const frame = page.frameLocator('iframe#app');
    await frame.getByRole('button', { name: `Logga in som ${administration}` }).click();
    await frame.getByTestId('setup').waitFor();
    const tab = appFrame(page);
    await expectAccessible(tab, 'set-up guide (high contrast)');
    await shoot(page, '7-guide-high-contrast');
    await switchHostTheme(page, 'dark');
    await expectAccessible(tab, 'set-up guide (dark)');
    await frame.getByRole('tab', { name: 'Enheter' }).click();
    await frame.getByRole('table', { name: 'Enheter' }).waitFor();
    await expectAccessible(tab, 'units (dark)');
    await shoot(page, '8-units-dark');
  });
});

// the fixture is the register's own answer: it must hold at least ten units in use
it('uses a register file with at least ten units in use', async () => {
  const details = JSON.parse(await readFile(registerFile, 'utf8')) as { data: { attributes: { status: string } } }[];
  expect(details.filter((unit) => unit.data.attributes.status === 'AKTIV').length).toBeGreaterThanOrEqual(10);
});
