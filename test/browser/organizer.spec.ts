import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeasurementPage, Rollup, YearWheelActivityPage } from '../../src/contract';
import { appFrame, axeViolations, screenshotDir, signIn, skipReason, startBrowserHarness, switchHostTheme, type BrowserHarness } from './harness';

// The only environment read in these tests: CI must never skip them.
const skip = skipReason({ CI: process.env.CI });
if (skip) console.warn(skip);

const badFile = 'kpi;ou;period;value\nN15503;91234501;2026;inte ett tal\nN15503;99999999;2026;231\n';
// An older year than the demo seed holds, so every row is new the first time.
const goodFile = 'Skolenhetskod;Skolenhet;Läsår;Närvaro\n91234501;Björkskolan F–6;2021/22;93,5\n91234503;Lindgymnasiet;2021/22;90,1\n';

describe.skipIf(skip !== null)('the organizer level in a real browser against the real server', () => {
  let h: BrowserHarness;
  let rollup: Rollup;

  beforeAll(async () => {
    // the large import's job writes in stored chunks of 20 rows at 3,000 units a minute: some
    // seconds, checkpointed nine times, so its progress can be seen moving, on the import view and
    // on the front view opened while it runs
    h = await startBrowserHarness({ server: { importUnitsPerMinute: 3_000, importJobs: { chunkRows: 20 } } });
    await mkdir(screenshotDir, { recursive: true });
    rollup = await h.api<Rollup>('admin', 'GET', '/api/organizer/rollup');
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  async function expectAccessible(target: Page | Frame, view: string): Promise<void> {
    expect(await axeViolations(target), `axe on ${view}`).toEqual([]);
  }

  async function openOrganizer(name: string, section = 'rollup') {
    const { context, page } = await h.newPage();
    await page.goto(`${h.url}/tab?view=organizer&section=${section}`);
    await signIn(page, name);
    return { context, page };
  }

  async function shoot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: path.join(screenshotDir, `organizer-${name}.png`), fullPage: true });
  }

  it('shows the administration every unit × phase in words, results against target, and who waits for feedback', async () => {
    const { page } = await openOrganizer('Anna Lindqvist');
    await page.getByTestId('rollup').waitFor();
    await page.getByRole('heading', { level: 2, name: `Enheternas kvalitetshjul ${rollup.schoolYear}` }).waitFor();
    const grid = page.getByRole('table', { name: /Varje enhets läge/ });
    await expect(grid.getByRole('row').count()).resolves.toBe(rollup.units.length + 1);
    for (const header of ['Uppföljning', 'Analys', 'Planering', 'Genomförande']) await grid.getByRole('columnheader', { name: header, exact: true }).first().waitFor();
    // every phase cell says its state in words
    const states = await grid.locator('td[data-phase]').allTextContents();
    expect(states.length).toBe(rollup.units.length * 4);
    for (const text of states) expect(text).toMatch(/Klar|Pågår|Ej påbörjad/);
    // results: the units' values as one distribution with the average and the target, and its table alternative
    await page.getByRole('img', { name: /hur \d+ enheters värden fördelar sig.*Kommunens medel/ }).waitFor();
    await page.getByRole('table', { name: /Visa som tabell/ }).waitFor();
    // the seeded Lindgymnasiet has submitted its analysis and waits
    const waiting = rollup.awaitingFeedback.map((w) => rollup.units.find((u) => u.unitId === w.unitId)?.name);
    expect(waiting).toContain('Lindgymnasiet');
    await page.getByTestId('awaiting-feedback').getByText('Lindgymnasiet').waitFor();
    await page.getByRole('heading', { name: 'Försenade åtgärder per enhet' }).waitFor();
    await page.getByText(/Ansvarig: /).first().waitFor();
    await expectAccessible(page, 'roll-up');
    await shoot(page, 'rollup');
    // choosing units: a school form narrows every table, a search finds one, and all come back
    await page.getByRole('combobox', { name: 'Skolform' }).selectOption({ label: 'Gymnasieskola' });
    await page.getByText(`1 av ${rollup.units.length} enheter`).waitFor();
    await expect(grid.getByRole('row').count()).resolves.toBe(2);
    await page.getByRole('button', { name: 'Visa alla enheter' }).click();
    await page.getByRole('searchbox', { name: /Sök enhet/ }).fill('björk');
    await page.getByText(`2 av ${rollup.units.length} enheter`).waitFor();
    await page.getByRole('button', { name: 'Visa alla enheter' }).click();
    await page.getByText(`${rollup.units.length} av ${rollup.units.length} enheter`).waitFor();

    // every control is reachable by keyboard: Tab from the top lands on the school year, the views, the indicator
    await page.keyboard.press('Tab');
    const focused: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      focused.push(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? ''));
      await page.keyboard.press('Tab');
    }
    expect(focused.join('|')).toMatch(/Sammanställning/);
  });

  it('passes axe in the Teams high-contrast and dark themes, inside the Teams host', async () => {
    const { page } = await h.newPage();
    await page.goto(`${h.url}/__teams-host?frameContext=content&theme=contrast&src=${encodeURIComponent('/tab?view=organizer')}`);
    const frame = page.frameLocator('iframe#app');
    await frame.getByRole('button', { name: 'Logga in som Anna Lindqvist' }).click();
    await frame.getByTestId('rollup').waitFor();
    const tab = appFrame(page);
    await expectAccessible(tab, 'roll-up (high contrast)');
    await shoot(page, 'rollup-high-contrast');
    await switchHostTheme(page, 'dark');
    await expectAccessible(tab, 'roll-up (dark)');
    await shoot(page, 'rollup-dark');
  });

  it('round-trips feedback: the administration writes, the principal confirms, the roll-up updates', async () => {
    const lind = rollup.units.find((u) => u.name === 'Lindgymnasiet');
    if (!lind) throw new Error('the demo seed has Lindgymnasiet');
    const admin = await openOrganizer('Anna Lindqvist');
    await admin.page.getByRole('button', { name: 'Ge återkoppling: Lindgymnasiet' }).click();
    await admin.page.getByTestId('feedback-view').waitFor();
    // the submitted analysis is there to read, strengths first
    await admin.page.getByRole('heading', { name: 'Styrkor' }).waitFor();
    await expectAccessible(admin.page, 'feedback');
    const text = 'Tack för en tydlig analys. Styrkan i studieron märks; fortsätt arbetet med skillnaderna mellan flickor och pojkar.';
    await admin.page.getByRole('textbox', { name: /Återkoppling/ }).fill(text);
    await admin.page.getByRole('button', { name: 'Skicka återkoppling' }).click();
    await admin.page.getByText('Återkopplingen är skickad till Lindgymnasiet.').waitFor();
    await shoot(admin.page, 'feedback');

    let now = await h.api<Rollup>('admin', 'GET', '/api/organizer/rollup');
    expect(now.units.find((u) => u.unitId === lind.unitId)?.feedback).toBe('unread');
    expect(now.awaitingFeedback.some((w) => w.unitId === lind.unitId)).toBe(false);

    // the principal reads it in the unit's channel tab and confirms it there
    const principal = await h.newPage();
    await principal.page.goto(`${h.url}/tab?unitId=${lind.unitId}`);
    await signIn(principal.page, 'David Sjöberg');
    await principal.page.getByTestId('overview').getByText(text).waitFor();
    await principal.page.getByRole('button', { name: 'Bekräfta läst' }).click();
    await principal.page.getByText(/^Läst /).waitFor();
    await expectAccessible(principal.page, 'overview with confirmed feedback');
    await shoot(principal.page, 'feedback-confirmed');
    // and the unit's feedback page says so too
    await principal.page.goto(`${h.url}/tab?view=feedback&unitId=${lind.unitId}`);
    await principal.page.getByTestId('confirm-feedback').getByText(/Du bekräftade .* att återkopplingen är läst\./).waitFor();
    await expectAccessible(principal.page, 'unit feedback page');

    now = await h.api<Rollup>('admin', 'GET', '/api/organizer/rollup');
    expect(now.units.find((u) => u.unitId === lind.unitId)?.feedback).toBe('read');
    await admin.page.getByRole('tab', { name: 'Sammanställning' }).click();
    await admin.page.getByTestId('rollup').waitFor();
    await expect.poll(() => admin.page.locator(`tr[data-unit="${lind.unitId}"] td[data-feedback]`).textContent()).toBe('Läst');
  });

  it('draws the year wheel with twelve months and focusable marks, and adds, edits and deletes an activity', async () => {
    const { page } = await openOrganizer('Anna Lindqvist', 'yearWheel');
    await page.getByTestId('year-wheel').waitFor();
    const wheel = page.getByRole('group', { name: /Årshjulet .* aktiviteter i tolv månader/ });
    await wheel.waitFor();
    await expect(page.locator('[data-testid="year-wheel-svg"] path').count()).resolves.toBe(12);
    const marks = wheel.getByRole('button');
    const before = await marks.count();
    expect(before).toBeGreaterThan(0);
    await expectAccessible(page, 'year wheel');

    await page.getByRole('button', { name: 'Lägg till aktivitet' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /Rubrik/ }).fill('Resultatkonferens för hela kommunen');
    const year = Number(rollup.schoolYear.slice(0, 4));
    await dialog.getByLabel(/Datum/).fill(`${year + 1}-03-12`);
    // the kind is chosen, never assumed: until then the activity cannot be saved
    await expect(dialog.getByRole('button', { name: 'Spara' }).isDisabled()).resolves.toBe(true);
    await dialog.getByRole('combobox', { name: /Typ/ }).selectOption('resultsConference');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await page.getByText('Resultatkonferens för hela kommunen är sparad.').waitFor();
    // the closed dialog hands the page back to assistive technology
    await expect.poll(() => page.locator('#root[aria-hidden="true"]').count()).toBe(0);
    await expect.poll(() => marks.count()).toBe(before + 1);

    // keyboard: Tab from the add button walks into the wheel's marks, in date order
    await page.getByRole('button', { name: 'Lägg till aktivitet' }).focus();
    const reached: string[] = [];
    for (let i = 0; i < before + 3 && reached.length < before + 1; i += 1) {
      await page.keyboard.press('Tab');
      const label = await page.evaluate(() => (document.activeElement?.tagName === 'circle' ? document.activeElement.getAttribute('aria-label') : null));
      if (label) reached.push(label);
    }
    expect(reached).toHaveLength(before + 1);
    // then select the new mark with Enter
    const mark = wheel.getByRole('button', { name: /^Resultatkonferens för hela kommunen, Resultatkonferens, .*Hela kommunen$/ });
    await mark.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('selected-activity').getByText('Resultatkonferens för hela kommunen').waitFor();
    // and in the list, under March
    await page.getByRole('heading', { name: /^mars \(\d+\)$/ }).waitFor();
    await shoot(page, 'year-wheel');

    await page.getByRole('button', { name: 'Ändra Resultatkonferens för hela kommunen' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: /Rubrik/ }).fill('Resultatkonferens, våren');
    await page.getByRole('dialog').getByRole('button', { name: 'Spara' }).click();
    await page.getByText('Resultatkonferens, våren är sparad.').waitFor();
    await page.getByRole('button', { name: 'Ta bort Resultatkonferens, våren' }).click();
    // the municipality's activity disappears for every unit: asked first
    await page.getByRole('alertdialog', { name: 'Ta bort Resultatkonferens, våren?' }).getByRole('button', { name: 'Ta bort' }).click();
    await page.getByText('Resultatkonferens, våren är borttagen.').waitFor();
    await expect.poll(() => marks.count()).toBe(before);
    // the dialog gone and the page given back to assistive technology (a moment after it closes)
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.locator('#root:not([aria-hidden="true"])').waitFor({ state: 'attached' });
    await expectAccessible(page, 'year wheel after edits');
  });

  it('lets a unit inherit the municipality\'s activities and add its own', async () => {
    const { page } = await h.newPage();
    await page.goto(`${h.url}/tab?view=year-wheel&unitId=3`);
    await signIn(page, 'David Sjöberg');
    await page.getByTestId('year-wheel').waitFor();
    await page.getByRole('heading', { level: 2, name: /: Lindgymnasiet$/ }).waitFor();
    // the inherited activities are there, and none of them can be changed from the unit
    await page.locator('[data-activity-item]').getByText(/SKA-dag 1: höstens resultat/).waitFor();
    await expect(page.getByRole('button', { name: /^Ändra / }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Lägg till aktivitet' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: /Rubrik/ }).fill('Lindgymnasiets resultatkonferens');
    const year = Number(rollup.schoolYear.slice(0, 4));
    await page.getByRole('dialog').getByLabel(/Datum/).fill(`${year + 1}-02-10`);
    await page.getByRole('dialog').getByRole('combobox', { name: /Typ/ }).selectOption('resultsConference');
    await page.getByRole('dialog').getByRole('button', { name: 'Spara' }).click();
    await page.getByText('Lindgymnasiets resultatkonferens är sparad.').waitFor();
    await page.getByRole('button', { name: /^Lindgymnasiets resultatkonferens, Resultatkonferens, .*Enhetens egen: Lindgymnasiet$/ }).waitFor();
    await page.getByRole('button', { name: 'Ändra Lindgymnasiets resultatkonferens' }).waitFor();
    await expect(page.getByRole('button', { name: /^Ändra / }).count()).resolves.toBe(1);
    await expectAccessible(page, 'a unit\'s year wheel');
    await shoot(page, 'year-wheel-unit');

    const wheel = await h.api<YearWheelActivityPage>('admin', 'GET', `/api/year-wheel?schoolYear=${encodeURIComponent(rollup.schoolYear)}`);
    expect(wheel.items.find((a) => a.title === 'Lindgymnasiets resultatkonferens')?.unitId).toBe('3');
    // the administration sees it as the unit's own and cannot edit it from the municipality's wheel
    const admin = await openOrganizer('Anna Lindqvist', 'yearWheel');
    await admin.page.getByRole('button', { name: /^Lindgymnasiets resultatkonferens, .*Enhetens egen: Lindgymnasiet$/ }).waitFor();
    await expect(admin.page.getByRole('button', { name: 'Ändra Lindgymnasiets resultatkonferens' }).count()).resolves.toBe(0);
  });

  it('saves a template as a new version', async () => {
    const { page } = await openOrganizer('Anna Lindqvist', 'templates');
    await page.getByTestId('templates').waitFor();
    const version = await page.getByText(/^Version \d+$/).textContent();
    const n = Number(version?.replace(/\D/g, ''));
    await page.getByRole('button', { name: 'Lägg till fråga' }).click();
    const count = await page.getByRole('textbox', { name: /på svenska/ }).count();
    await page.getByRole('textbox', { name: `Fråga ${count} på svenska` }).fill('Vad tar du med dig till nästa resultatkonferens?');
    await page.getByRole('textbox', { name: `Fråga ${count} på engelska` }).fill('What do you take with you to the next results conference?');
    await expectAccessible(page, 'templates');
    await page.getByRole('button', { name: 'Spara som ny version' }).click();
    await page.getByText(`Sparad som version ${n + 1}.`).waitFor();
    await page.getByText(`Version ${n + 1}`, { exact: true }).waitFor();
    await shoot(page, 'templates');
  });

  it('refuses a bad import file with its errors by line, and stores nothing', async () => {
    const measurementsBefore = (await h.api<MeasurementPage>('admin', 'GET', '/api/units/1/measurements?top=500')).items.length;
    const { page } = await openOrganizer('Anna Lindqvist', 'import');
    await page.getByTestId('import').waitFor();
    await page.getByTestId('import-file').setInputFiles({ name: 'kolada-fel.csv', mimeType: 'text/csv', buffer: Buffer.from(badFile, 'utf8') });
    await page.getByText('kolada-fel.csv').waitFor();
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    const errors = page.getByTestId('import-preview').getByTestId('import-errors');
    await errors.waitFor();
    const text = await errors.textContent();
    expect(text).toContain('Rad 2');
    expect(text).toContain('Rad 3');
    await page.getByText(/fel i filen: inget sparas/).first().waitFor();
    // no way to commit a file with errors
    await expect(page.getByRole('button', { name: /^Importera \d+ resultat$/ }).count()).resolves.toBe(0);
    await expectAccessible(page, 'import with errors');
    await shoot(page, 'import-errors');

    // and the server refuses it whole too
    const response = await fetch(`${h.url}/api/organizer/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await h.token('admin')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'kolada', csv: badFile }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { line: number }[] };
    expect(body.errors.map((e) => e.line)).toEqual(expect.arrayContaining([2, 3]));
    const measurementsAfter = (await h.api<MeasurementPage>('admin', 'GET', '/api/units/1/measurements?top=500')).items.length;
    expect(measurementsAfter).toBe(measurementsBefore);
  });

  it('imports a good file after its preview, and the same file again changes nothing', async () => {
    const { page } = await openOrganizer('Anna Lindqvist', 'import');
    await page.getByTestId('import').waitFor();
    await page.getByRole('radio', { name: 'Skolverkets statistik' }).check();
    await page.getByRole('textbox', { name: 'CSV-text' }).fill(goodFile);
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await page.getByText('2 nya, 0 ändrade, 0 oförändrade, 0 utan värde').waitFor();
    const rows = page.getByTestId('import-rows');
    await rows.getByText('Björkskolan F–6').waitFor();
    await expectAccessible(page, 'import preview');
    await shoot(page, 'import-preview');
    await page.getByRole('button', { name: 'Importera 2 resultat' }).click();
    await page.getByTestId('import-done').getByText('Importen är klar: 2 nya, 0 ändrade, 0 oförändrade.').waitFor();
    const stored = (await h.api<MeasurementPage>('admin', 'GET', '/api/units/1/measurements?top=500')).items.filter((m) => m.period === '2021/22');
    expect(stored.map((m) => m.value)).toEqual([93.5]);

    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await page.getByText('0 nya, 0 ändrade, 2 oförändrade, 0 utan värde').waitFor();
    await page.getByText('Allt i filen finns redan: inget att importera.').waitFor();
    await expect(page.getByRole('button', { name: /^Importera \d+ resultat$/ }).count()).resolves.toBe(0);
  });

  it('shows the progress of a large import and stores all of it', async () => {
    // 6 units × 10 school years × 3 indicators: 180 results, each its own write
    const lines = ['Skolenhetskod;Skolenhet;Läsår;Närvaro;Behörighet till yrkesprogram;Examen inom tre år'];
    for (let start = 2010; start < 2020; start += 1) {
      for (let unit = 1; unit <= 6; unit += 1) lines.push(`9123450${unit};Enhet ${unit};${start}/${String((start + 1) % 100).padStart(2, '0')};9${unit},5;8${unit};7${unit}`);
    }
    const { page } = await openOrganizer('Anna Lindqvist', 'import');
    await page.getByTestId('import').waitFor();
    await page.getByRole('radio', { name: 'Skolverkets statistik' }).check();
    await page.getByTestId('import-file').setInputFiles({ name: 'skolverket-stor.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n'), 'utf8') });
    await page.getByText('skolverket-stor.csv').waitFor();
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await page.getByText('180 nya, 0 ändrade, 0 oförändrade, 0 utan värde').waitFor();
    // record every progress text the page shows while the commit runs
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __progress: string[] }).__progress = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('[role="progressbar"][aria-valuetext]');
        const text = bar?.getAttribute('aria-valuetext');
        if (text && seen[seen.length - 1] !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.getByRole('button', { name: 'Importera 180 resultat' }).click();
    await page.getByTestId('import-progress').waitFor();
    // the front view, opened while the import runs, tells how far it got and when it ends, then that it is done
    const front = await openOrganizer('Anna Lindqvist');
    const notice = front.page.getByTestId('import-notice');
    await notice.getByText(/^Import pågår: \d+ av 180 rader, klar omkring \d\d[:.]\d\d$/).waitFor({ timeout: 15_000 });
    await front.page.getByTestId('rollup-details').waitFor();
    // the notice as it stands when the roll-up is there: running, or done already on a fast machine
    await shoot(front.page, 'rollup-import');
    await expectAccessible(front.page, 'the front view with an import notice');
    await notice.getByText('Importen är klar: 180 nya, 0 ändrade, 0 oförändrade.').waitFor({ timeout: 40_000 });
    await expect(notice.getByRole('button', { name: 'Öppna importen' }).count()).resolves.toBe(1);
    await front.context.close();
    await page.getByTestId('import-done').getByText('Importen är klar: 180 nya, 0 ändrade, 0 oförändrade.').waitFor({ timeout: 25_000 });
    const progress = await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every((text) => /^Sparar \d+ av 180$/.test(text))).toBe(true);
    const stored = (await h.api<MeasurementPage>('admin', 'GET', '/api/units/1/measurements?top=500')).items.filter((m) => m.period < '2020');
    expect(stored).toHaveLength(30);
  }, 90_000);

  it('downloads the quality report as a .docx', async () => {
    const { page } = await openOrganizer('Anna Lindqvist', 'report');
    await page.getByTestId('report').waitFor();
    await expectAccessible(page, 'report');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ned kvalitetsrapporten (.docx)' }).click()]);
    expect(download.suggestedFilename()).toBe(`kvalitetsrapport-${rollup.schoolYear.replace('/', '-')}.docx`);
    const file = await download.path();
    const zip = await JSZip.loadAsync(await readFile(file));
    const document = await zip.file('word/document.xml')?.async('string');
    expect(document).toContain('Lindgymnasiet');
    await page.getByText(/Rapporten är nedladdad/).waitFor();
  });

  it('gives the board the roll-up read only: no edit controls, nothing about individual staff, and writes refused', async () => {
    const { page } = await openOrganizer('Bengt Holm');
    await page.getByTestId('rollup').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Nämndens sammanställning' }).waitFor();
    // the board reads the roll-up, the goals, the deficiencies and the report
    await expect(page.getByRole('tab').count()).resolves.toBe(4);
    await page.getByRole('tab', { name: 'Sammanställning' }).waitFor();
    await page.getByRole('tab', { name: 'Mål' }).waitFor();
    await page.getByRole('tab', { name: 'Brister' }).waitFor();
    await page.getByRole('tab', { name: 'Kvalitetsrapport' }).waitFor();
    // read only: no button to give feedback, edit, delete, add, save or import anywhere on the page
    const buttons = await page.getByRole('button').evaluateAll((all) => all.map((b) => `${b.textContent ?? ''} ${b.getAttribute('aria-label') ?? ''}`));
    expect(buttons.length).toBeGreaterThan(0);
    expect(buttons.filter((b) => /återkoppling|Ändra|Ta bort|Lägg till|Spara|Importera/i.test(b))).toEqual([]);
    await expect(page.getByRole('textbox').count()).resolves.toBe(0);
    // nothing about individual staff: no owner names
    const text = (await page.getByRole('tabpanel').textContent()) ?? '';
    expect(text).toContain('Lindgymnasiet');
    expect(text).not.toMatch(/Ansvarig:/);
    for (const person of ['Elin Berg', 'Farid Haddad', 'Greta Nyström']) expect(text).not.toContain(person);
    await expectAccessible(page, 'board roll-up');
    await shoot(page, 'board');

    // a view the board has no tab for is not shown either
    await page.goto(`${h.url}/tab?view=organizer&section=import`);
    await page.getByTestId('rollup').waitFor();
    await expect(page.getByTestId('import').count()).resolves.toBe(0);

    const write = async (method: string, apiPath: string, body: unknown) => {
      const response = await fetch(`${h.url}${apiPath}`, {
        method,
        headers: { authorization: `Bearer ${await h.token('board')}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return response.status;
    };
    const year = Number(rollup.schoolYear.slice(0, 4));
    const refused = [
      await write('POST', '/api/year-wheel', { title: 'Nämndens dag', kind: 'dialogueDay', schoolYear: rollup.schoolYear, date: `${year + 1}-02-02` }),
      await write('POST', '/api/units/3/feedback', { analysisId: '5', text: 'Från nämnden' }),
      await write('POST', '/api/organizer/imports', { kind: 'skolverket', csv: goodFile }),
      await write('POST', '/api/follow-up-templates', { meetingType: 'dialogueDay', questions: [{ id: 'q-1', sv: 'Fråga', en: 'Question', kind: 'text' }] }),
    ];
    for (const status of refused) expect([403, 404]).toContain(status);
  });

  it('tells a principal that the organizer tab is not theirs', async () => {
    const { page } = await openOrganizer('Cecilia Ek');
    await page.getByRole('heading', { name: 'Ingen behörighet' }).waitFor();
    await expect(page.getByTestId('rollup').count()).resolves.toBe(0);
  });
});
