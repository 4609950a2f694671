/**
 * Feeding the cycle in a real browser: the administration sets up two indicators with Kolada KPI
 * ids and groups, a board goal and a prioritized area; a principal enters a term's results, sets a
 * unit goal under the area, records a Skolinspektionen finding and its action, and sees the
 * overview's cycle move. Every new view passes axe in light, dark and high contrast at 1280 and
 * 375 px; the Kolada import takes the KPI ids set here.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeficiencyRegister, GoalTree, ImportResult, Indicator, IndicatorPage, MeasurementPage, Me, Overview } from '../../src/contract';
import { schoolYearOf } from '../../src/domain';
import { axeViolations, screenshotDir, signIn, skipReason, startBrowserHarness, type BrowserHarness } from './harness';

// The only environment read in these tests: CI must never skip them.
const skip = skipReason({ CI: process.env.CI });
if (skip) console.warn(skip);

const year = schoolYearOf(new Date());
const autumn = `${year} HT`;
const indicators = [
  { name: 'Fritidshemmets trygghet, egen enkät', kpi: 'U15461', source: 'Enkät', measure: 'Skala 1–4', target: '3,4', typed: ['3,3', '3,5', '3,1', '3,0'] },
  { name: 'Deltagande i fritidshemmets aktiviteter', kpi: 'N15419', source: 'Annat', measure: 'Procent', target: '85', typed: ['82,5 %', '84', '81', '..'] },
] as const;
const indicatorNames = indicators.map((i) => i.name);
const boardGoal = 'En meningsfull fritid för alla elever';
const area = 'Kompensatoriska uppdraget';
const unitGoal = 'Fler nyanlända elever deltar i fritidshemmets aktiviteter';
const finding = 'Skolinspektionen: planering av undervisningen i fritidshemmet';
const actionTitle = 'Gemensam planering av fritidshemmets undervisning';

describe.skipIf(skip !== null)('feeding the cycle in a real browser against the real server', () => {
  let h: BrowserHarness;
  let unitId: string;

  beforeAll(async () => {
    h = await startBrowserHarness();
    await mkdir(screenshotDir, { recursive: true });
    const me = await h.api<Me>('principal-bjork', 'GET', '/api/me');
    const unit = me.units.find((u) => u.name === 'Björkskolans fritidshem');
    if (!unit) throw new Error('the demo seed has Björkskolans fritidshem with Cecilia Ek as principal');
    unitId = unit.unitId;
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  async function expectAccessible(target: Page | Frame, view: string): Promise<void> {
    expect(await axeViolations(target), `axe on ${view}`).toEqual([]);
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
  const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
  const followUp = async () => (await h.api<Overview>('principal-bjork', 'GET', `/api/units/${unitId}/overview`)).cycle.phases.followUp;
  /** The state the overview's card of a phase shows, in words. */
  const phaseCard = (page: Page, phase: string): Locator => page.getByTestId('overview').getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: phase, exact: true }) });

  it('lets the administration create two indicators with a Kolada KPI id and groups, a board goal and a prioritized area', async () => {
    expect(await followUp()).toBe('done');
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
      await dialog.getByRole('checkbox', { name: 'Fritidshem' }).check();
      await dialog.getByRole('textbox', { name: 'Grupper' }).fill('Flickor\nPojkar\nNyanlända');
      if (i === 0) await expectAccessible(page, 'indicator dialog');
      await dialog.getByRole('button', { name: 'Spara' }).click();
      await page.getByText(`Indikatorn ${name} är sparad.`).waitFor();
    }
    await dialogGone(page);
    const row = page.locator('tr', { hasText: indicators[0].name });
    await row.getByText(indicators[0].kpi).waitFor();
    await row.getByText('Flickor, Pojkar, Nyanlända').waitFor();
    await shoot(page, 'indicators');

    const stored = (await h.api<IndicatorPage>('admin', 'GET', '/api/indicators')).items.filter((i) => indicatorNames.some((n) => n === i.name));
    expect(stored.map((i) => [i.koladaKpi, i.unitTypes, i.groups, i.target])).toEqual([
      [indicators[0].kpi, ['fritidshem'], ['Flickor', 'Pojkar', 'Nyanlända'], 3.4],
      [indicators[1].kpi, ['fritidshem'], ['Flickor', 'Pojkar', 'Nyanlända'], 85],
    ]);
    // two new indicators apply to the fritidshem: its follow-up is no longer done
    expect(await followUp()).toBe('inProgress');

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
    const page = await open('Cecilia Ek', `unitId=${unitId}&view=overview`, 'overview');
    await phaseCard(page, 'Uppföljning').getByText('Pågår').waitFor();

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
    await shoot(page, 'results-entry');

    const stored = (await h.api<MeasurementPage>('principal-bjork', 'GET', `/api/units/${unitId}/measurements?top=500`)).items;
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
  });

  it('lets the principal set a unit goal under the prioritized area, and shows it in the hierarchy', async () => {
    const page = await open('Cecilia Ek', `unitId=${unitId}&view=goals`, 'goals');
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
    await shoot(page, 'goals');

    const tree = await h.api<GoalTree>('principal-bjork', 'GET', `/api/units/${unitId}/goal-tree?schoolYear=${encodeURIComponent(year)}`);
    const under = tree.organizerGoals.find((n) => n.goal.title === boardGoal)?.areas.find((a) => a.goal.title === area)?.unitGoals;
    expect(under?.map((g) => g.goal.title)).toEqual([unitGoal]);
  });

  it('records a Skolinspektionen finding, flags it without an action, and takes its action from the register', async () => {
    const page = await open('Cecilia Ek', `unitId=${unitId}&view=deficiencies`, 'deficiencies');
    await page.getByRole('button', { name: 'Registrera brist' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /Rubrik/ }).fill(finding);
    await dialog.getByRole('combobox', { name: 'Källa' }).selectOption({ label: 'Skolinspektionen' });
    await dialog.getByRole('textbox', { name: 'Beskrivning' }).fill('Beslut efter tillsyn: undervisningen i fritidshemmet ska planeras och följas upp.');
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
    await shoot(page, 'deficiencies');

    const register = await h.api<DeficiencyRegister>('principal-bjork', 'GET', `/api/units/${unitId}/deficiency-register`);
    const entry = register.items.find((e) => e.deficiency.title === finding);
    expect(entry?.deficiency).toMatchObject({ source: 'inspection', caseNumber: `SI ${year.slice(0, 4)}:5123`, status: 'open' });
    expect(entry?.actions.map((a) => a.title)).toEqual([actionTitle]);
    expect(entry?.withoutAction).toBe(false);

    // the overview lists it among the open deficiencies
    await page.getByRole('tab', { name: 'Översikt' }).click();
    await page.getByTestId('overview-deficiencies').getByText(finding).waitFor();
  });

  it('imports Kolada\'s results by the KPI ids set in the indicator form', async () => {
    const all = (await h.api<IndicatorPage>('admin', 'GET', '/api/indicators')).items;
    const kpi = indicators[1].kpi;
    const csv = `kpi;ou;period;value;gender\n${kpi};91234502;${year};84,0;T\n${kpi};91234502;${year};85,5;K\n${kpi};91234502;${year};82,5;M\n`;
    const report = await h.api<ImportResult>('admin', 'POST', '/api/organizer/imports', { kind: 'kolada', csv });
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
      { persona: 'Cecilia Ek', src: `/tab?unitId=${unitId}&view=results`, testId: 'results-entry' },
      { persona: 'Cecilia Ek', src: `/tab?unitId=${unitId}&view=goals`, testId: 'goals' },
      { persona: 'Cecilia Ek', src: `/tab?unitId=${unitId}&view=deficiencies`, testId: 'deficiencies' },
      { persona: 'Cecilia Ek', src: `/tab?unitId=${unitId}&view=overview`, testId: 'overview-deficiencies' },
    ];
    for (const width of [1280, 375]) {
      for (const view of views) {
        const { page, context } = await h.newPage({ width });
        await page.goto(`${h.url}/__teams-host?frameContext=content&theme=default&src=${encodeURIComponent(view.src)}`);
        const frame = page.frameLocator('iframe#app');
        await frame.getByRole('button', { name: `Logga in som ${view.persona}` }).click();
        await frame.getByTestId(view.testId).waitFor();
        const appFrame = page.frames().find((f) => f !== page.mainFrame());
        if (!appFrame) throw new Error('the host frames the tab');
        const background = () => frame.locator('.fui-FluentProvider').first().evaluate((el) => getComputedStyle(el).backgroundColor);
        for (const theme of ['default', 'dark', 'contrast']) {
          const before = await background();
          if (theme !== 'default') {
            await page.evaluate((name) => (window as unknown as { __host: { setTheme(theme: string): void } }).__host.setTheme(name), theme);
            await expect.poll(background).not.toBe(before);
          }
          await expectAccessible(appFrame, `${view.testId} (${theme}, ${width} px)`);
        }
        await context.close();
      }
    }
  }, 300_000);
});
