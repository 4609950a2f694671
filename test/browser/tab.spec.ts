import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Me } from '../../src/contract';
import { axeViolations, docxText, screenshotDir, signIn, skipReason, startBrowserHarness, type BrowserHarness } from './harness';

// The only environment read in these tests: CI must never skip them.
const skip = skipReason({ CI: process.env.CI });
if (skip) console.warn(skip);

interface Item { id: string; etag: string; [field: string]: unknown }

describe.skipIf(skip !== null)('the tab in a real browser against the real server', () => {
  let h: BrowserHarness;
  let unitId: string;
  let unitName: string;

  beforeAll(async () => {
    h = await startBrowserHarness();
    await mkdir(screenshotDir, { recursive: true });
    const me = await h.api<Me>('principal-bjork', 'GET', '/api/me');
    const unit = me.units.find((u) => u.roles.includes('principal') && u.name.startsWith('Björkskolan F'));
    if (!unit) throw new Error('the demo seed has Björkskolan F–6 with Cecilia Ek as principal');
    unitId = unit.unitId;
    unitName = unit.name;
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  async function expectAccessible(target: Page | Frame, view: string): Promise<void> {
    expect(await axeViolations(target), `axe on ${view}`).toEqual([]);
  }

  async function openUnit(persona: string, name: string, view = 'overview') {
    const { context, page } = await h.newPage();
    await page.goto(`${h.url}/tab?unitId=${unitId}&view=${view}`);
    await signIn(page, name);
    await page.getByTestId(view).waitFor();
    return { context, page };
  }

  it('loads standalone without ever fetching teams-js, and signs in as a persona', async () => {
    const { page } = await h.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(`${h.url}/`);
    await page.getByRole('button', { name: 'Logga in som Cecilia Ek' }).waitFor();
    await expectAccessible(page, 'sign-in');
    await signIn(page, 'Cecilia Ek');
    // Cecilia leads two units: she chooses one.
    await page.getByRole('combobox', { name: 'Välj enhet' }).selectOption(unitId);
    await page.getByRole('button', { name: 'Öppna' }).click();
    await page.getByTestId('overview').waitFor();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(unitName);
    await page.getByRole('heading', { name: /^Läsåret \d{4}\/\d{2}$/ }).waitFor();
    expect(scripts.some((url) => /teams-sdk/.test(url)), scripts.join('\n')).toBe(false);
    expect(scripts.some((url) => /msal/.test(url))).toBe(false);
    await expectAccessible(page, 'overview');
    await page.screenshot({ path: path.join(screenshotDir, 'overview.png'), fullPage: true });

    // The views are reachable by keyboard: arrow keys move along the tabs, Enter opens one.
    await page.getByRole('tab', { name: 'Översikt' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.getByTestId('results').waitFor();

    // "Byt person" goes back to the picker.
    await page.getByRole('button', { name: 'Byt person' }).click();
    await page.getByRole('button', { name: 'Logga in som Elin Berg' }).waitFor();
  });

  it('configures a channel through the Teams host: setConfig with the unit id, and the channel is bound', async () => {
    const { page } = await h.newPage();
    const teamId = '19:bjork-team@thread.tacv2';
    const channelId = '19:bjork-kvalitet@thread.tacv2';
    await page.goto(`${h.url}/__teams-host?frameContext=settings&teamId=${encodeURIComponent(teamId)}&channelId=${encodeURIComponent(channelId)}&src=${encodeURIComponent('/config')}`);
    const frame = page.frameLocator('iframe#app');
    await frame.getByRole('button', { name: 'Logga in som Cecilia Ek' }).click();
    await frame.getByTestId('config').waitFor();
    await frame.getByRole('searchbox').fill('9123450');
    await frame.getByRole('radio', { name: new RegExp(`^${unitName}`) }).check();
    // the organizer's view is the administration's choice only
    await expect(frame.getByRole('radio', { name: /Huvudmannens vy/ }).count()).resolves.toBe(0);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __host: { valid: unknown } }).__host.valid)).toBe(true);
    const appFrame = page.frames().find((f) => f !== page.mainFrame());
    if (!appFrame) throw new Error('the host frames the tab');
    await expectAccessible(appFrame, 'config');
    await page.screenshot({ path: path.join(screenshotDir, 'config.png') });
    await page.evaluate(() => (window as unknown as { __host: { save(): void } }).__host.save());
    await expect.poll(() => page.evaluate(() => (window as unknown as { __host: { saveResult: unknown } }).__host.saveResult)).toBe('success');
    const saved = await page.evaluate(() => (window as unknown as { __host: { savedSettings: { entityId: string; contentUrl: string } } }).__host.savedSettings);
    expect(saved.entityId).toBe(unitId);
    expect(saved.contentUrl).toBe(`${h.url}/tab?unitId=${unitId}`);
    const bound = await h.api<Item>('principal-bjork', 'GET', `/api/units/by-channel?teamId=${encodeURIComponent(teamId)}&channelId=${encodeURIComponent(channelId)}`);
    expect(bound.id).toBe(unitId);
  });

  it('lets the administration give a channel the organizer\'s view through the Teams host: setConfig with entityId organizer', async () => {
    const { page } = await h.newPage();
    await page.goto(`${h.url}/__teams-host?frameContext=settings&src=${encodeURIComponent('/config')}`);
    const frame = page.frameLocator('iframe#app');
    await frame.getByRole('button', { name: 'Logga in som Anna Lindqvist' }).click();
    await frame.getByTestId('config').waitFor();
    await frame.getByRole('radio', { name: 'Huvudmannens vy (förvaltningen)' }).check();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __host: { valid: unknown } }).__host.valid)).toBe(true);
    await expect(frame.getByRole('searchbox').count()).resolves.toBe(0);
    const appFrame = page.frames().find((f) => f !== page.mainFrame());
    if (!appFrame) throw new Error('the host frames the tab');
    await expectAccessible(appFrame, 'config (organizer)');
    await page.evaluate(() => (window as unknown as { __host: { save(): void } }).__host.save());
    await expect.poll(() => page.evaluate(() => (window as unknown as { __host: { saveResult: unknown } }).__host.saveResult)).toBe('success');
    const saved = await page.evaluate(() => (window as unknown as { __host: { savedSettings: { entityId: string; contentUrl: string; websiteUrl: string } } }).__host.savedSettings);
    expect(saved).toMatchObject({ entityId: 'organizer', contentUrl: `${h.url}/tab?view=organizer`, websiteUrl: `${h.url}/tab?view=organizer` });
    await frame.getByText('Kanalen visar huvudmannens vy.').waitFor();

    // the saved tab opens the organizer's roll-up in the channel
    const channel = (await h.newPage()).page;
    await channel.goto(`${h.url}/__teams-host?frameContext=content&entityId=organizer&src=${encodeURIComponent(new URL(saved.contentUrl).pathname + new URL(saved.contentUrl).search)}`);
    const tab = channel.frameLocator('iframe#app');
    await tab.getByRole('button', { name: 'Logga in som Anna Lindqvist' }).click();
    await tab.getByTestId('rollup').waitFor();
  });

  it('tells a staff member who may configure the channel', async () => {
    const { page } = await h.newPage();
    await page.goto(`${h.url}/__teams-host?frameContext=settings&src=${encodeURIComponent('/config')}`);
    const frame = page.frameLocator('iframe#app');
    await frame.getByRole('button', { name: 'Logga in som Elin Berg' }).click();
    await frame.getByText('Bara enhetens rektor eller förvaltningen kan koppla kanalen. Be någon av dem.').waitFor();
  });

  it('follows the Teams theme and locale, and changes theme when Teams does', async () => {
    const { page } = await h.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(`${h.url}/__teams-host?frameContext=content&theme=dark&entityId=${unitId}&src=${encodeURIComponent(`/tab?unitId=${unitId}`)}`);
    const frame = page.frameLocator('iframe#app');
    await frame.getByRole('button', { name: 'Logga in som Cecilia Ek' }).click();
    await frame.getByTestId('overview').waitFor();
    expect(scripts.some((url) => /teams-sdk/.test(url))).toBe(true);
    const background = () => frame.locator('.fui-FluentProvider').first().evaluate((el) => getComputedStyle(el).backgroundColor);
    const dark = await background();
    const appFrame = page.frames().find((f) => f !== page.mainFrame());
    if (!appFrame) throw new Error('the host frames the tab');
    await expectAccessible(appFrame, 'overview (dark)');
    await page.screenshot({ path: path.join(screenshotDir, 'overview-dark.png'), fullPage: true });
    await page.evaluate(() => (window as unknown as { __host: { setTheme(theme: string): void } }).__host.setTheme('contrast'));
    await expect.poll(background).not.toBe(dark);
    await expectAccessible(appFrame, 'overview (high contrast)');
    await page.screenshot({ path: path.join(screenshotDir, 'overview-high-contrast.png'), fullPage: true });
    await page.evaluate(() => (window as unknown as { __host: { setTheme(theme: string): void } }).__host.setTheme('default'));
    await expect.poll(background).toBe('rgb(255, 255, 255)');

    const english = (await h.newPage()).page;
    await english.goto(`${h.url}/__teams-host?frameContext=content&locale=en-us&entityId=${unitId}&src=${encodeURIComponent(`/tab?unitId=${unitId}`)}`);
    const en = english.frameLocator('iframe#app');
    await en.getByRole('button', { name: 'Sign in as Cecilia Ek' }).click();
    await en.getByTestId('overview').waitFor();
    await en.getByRole('tab', { name: 'Actions' }).waitFor();
  });

  it('creates an action and edits it, keyboard and screen reader friendly on every view', async () => {
    const { page } = await openUnit('principal-bjork', 'Cecilia Ek', 'actions');
    await expectAccessible(page, 'actions (board)');
    await page.getByRole('button', { name: 'Ny åtgärd' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /Rubrik/ }).fill('Lässtund varje morgon i åk 3');
    await dialog.getByLabel(/Klart senast/).fill('2027-04-30');
    // the unit's staff come from its staff group, whether or not they own an action yet
    await dialog.locator('optgroup[label="Personal"] > option', { hasText: 'Elin Berg' }).waitFor({ state: 'attached' });
    await dialog.getByRole('combobox', { name: /Ansvarig/ }).selectOption({ label: 'Elin Berg' });
    // where it comes from is chosen, never assumed
    await dialog.getByRole('radio', { name: 'En av enhetens analyser' }).check();
    await dialog.getByRole('combobox', { name: /^Analys/ }).selectOption({ index: 1 });
    await expectAccessible(page, 'new action dialog');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Lässtund varje morgon i åk 3').waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'actions.png'), fullPage: true });

    const created = (await h.api<{ items: Item[] }>('principal-bjork', 'GET', `/api/units/${unitId}/actions`)).items.find((a) => a.title === 'Lässtund varje morgon i åk 3');
    expect(created).toMatchObject({ dueDate: '2027-04-30', status: 'planned', originKind: 'analysis', ownerName: 'Elin Berg', ownerId: '1a000000-0000-4000-8000-000000000005' });

    // Edit by keyboard: Tab to the edit button, Enter opens the dialog.
    await page.getByRole('button', { name: 'Redigera: Lässtund varje morgon i åk 3' }).focus();
    await page.keyboard.press('Enter');
    await dialog.getByRole('combobox', { name: /Status/ }).selectOption('done');
    await dialog.getByRole('textbox', { name: /Utvärdering/ }).fill('Eleverna läser mer och lugnare starter på dagen.');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => (await h.api<Item>('principal-bjork', 'GET', `/api/actions/${created?.id}`)).status).toBe('done');
    const edited = await h.api<Item>('principal-bjork', 'GET', `/api/actions/${created?.id}`);
    expect(edited.evaluation).toBe('Eleverna läser mer och lugnare starter på dagen.');

    await page.getByRole('button', { name: 'Lista' }).click();
    await expectAccessible(page, 'actions (list)');
    for (const [tab, view] of [['Resultat', 'results'], ['Möten', 'meetings'], ['Rapport', 'report']] as const) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByTestId(view).waitFor();
      await expectAccessible(page, view);
      if (view === 'results') await page.screenshot({ path: path.join(screenshotDir, 'results.png'), fullPage: true });
    }
  });

  it('writes and submits an analysis', async () => {
    const { page } = await openUnit('principal-bjork', 'Cecilia Ek', 'analysis');
    await expectAccessible(page, 'analysis');
    const year = (await h.api<{ schoolYear: string }>('principal-bjork', 'GET', `/api/units/${unitId}/overview`)).schoolYear;
    await page.getByRole('combobox', { name: 'Period', exact: true }).selectOption('');
    await page.getByRole('combobox', { name: 'Period för den nya analysen' }).selectOption(`${year} VT`);
    await page.getByRole('textbox', { name: 'Var är vi?' }).fill('Läsförståelsen i åk 3 har ökat under våren.');
    await page.getByRole('textbox', { name: /Varför blev det/ }).fill('Lässtunden varje morgon och gemensamma textsamtal.');
    await page.getByRole('textbox', { name: 'Vart ska vi?' }).fill('Alla elever ska läsa med flyt i slutet av åk 3.');
    await page.getByRole('textbox', { name: 'Hur gör vi?' }).fill('Fortsätta lässtunden och följa upp varje månad.');
    await page.getByRole('textbox', { name: /Styrkor/ }).fill('Engagerade lärare\nTydliga rutiner');
    await page.getByRole('button', { name: 'Lägg till deltagare' }).click();
    await page.getByRole('textbox', { name: 'Namn', exact: true }).fill('Elin Berg');
    // each row's button says whom it removes
    await page.getByRole('button', { name: 'Ta bort Lärare: Elin Berg' }).waitFor();
    // a linked result brings what stands out beside it, and a question goes into the causes
    await page.getByRole('checkbox', { name: /^Trygghet \(Skolenkäten, index 1–4\), / }).first().check();
    const support = page.getByTestId('analysis-support-indicator').filter({ has: page.getByRole('heading', { name: 'Trygghet (Skolenkäten, index 1–4)' }) });
    await support.getByRole('img', { name: /y-axeln i Skala 1–4 från 1 till 4$/ }).waitFor();
    const ask = support.getByRole('button', { name: /^Lägg till i orsaksanalysen: Varför blev Trygghet .* sämre än / });
    const question = (await ask.getAttribute('aria-label'))?.replace('Lägg till i orsaksanalysen: ', '') ?? '';
    await ask.click();
    await support.getByText('Frågan finns i orsaksanalysen.').waitFor();
    await expect(page.getByRole('textbox', { name: /Varför blev det/ }).inputValue()).resolves.toBe(`Lässtunden varje morgon och gemensamma textsamtal.\n\n${question}\n`);
    await expectAccessible(page, 'analysis support');
    await support.screenshot({ path: path.join(screenshotDir, 'analysis-support.png') });
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    await page.getByText('Sparat.').waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'analysis.png'), fullPage: true });
    await page.getByRole('button', { name: 'Skicka till huvudmannen' }).click();
    // asked first: what submitting means, in an alert that is axe-clean too
    const confirmSubmit = page.getByRole('alertdialog', { name: 'Skicka in analysen?' });
    await confirmSubmit.getByText('En inskickad analys går inte längre att ändra').waitFor();
    await expectAccessible(page, 'submit confirmation');
    await confirmSubmit.getByRole('button', { name: 'Skicka in' }).click();
    await page.getByText('Analysen är inlämnad.').waitFor();
    // submitted, the participants read as text, not as disabled fields
    await page.getByRole('listitem').filter({ hasText: 'Lärare: Elin Berg' }).waitFor();
    await expect(page.getByRole('textbox', { name: 'Namn', exact: true }).count()).resolves.toBe(0);
    const analyses = (await h.api<{ items: Item[] }>('principal-bjork', 'GET', `/api/units/${unitId}/analyses?schoolYear=${encodeURIComponent(year)}`)).items;
    expect(analyses.find((a) => a.period === `${year} VT`)).toMatchObject({
      status: 'submitted',
      followUp: 'Läsförståelsen i åk 3 har ökat under våren.',
      strengths: ['Engagerade lärare', 'Tydliga rutiner'],
      participants: [{ role: 'teacher', displayName: 'Elin Berg' }],
    });
  });

  it('exports the quality report as a .docx with the unit\'s analysis and actions in it', async () => {
    const year = (await h.api<{ schoolYear: string }>('principal-bjork', 'GET', `/api/units/${unitId}/overview`)).schoolYear;
    const analysis = (await h.api<{ items: Item[] }>('principal-bjork', 'GET', `/api/units/${unitId}/analyses?schoolYear=${encodeURIComponent(year)}`)).items.find((a) => typeof a.followUp === 'string' && a.followUp.length > 0);
    if (!analysis) throw new Error('the unit has an analysis for the year');
    const me = await h.api<{ userId: string }>('principal-bjork', 'GET', '/api/me');
    await h.api<Item>('principal-bjork', 'POST', `/api/units/${unitId}/actions`, {
      title: 'Föräldramöte om läsning', ownerId: me.userId, ownerName: 'Cecilia Ek', dueDate: '2027-02-01',
      status: 'planned', originKind: 'analysis', originId: analysis.id, schoolYear: year,
    });
    const { page } = await openUnit('principal-bjork', 'Cecilia Ek', 'report');
    await expectAccessible(page, 'report');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportera som Word (.docx)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^Kvalitetsrapport .+\.docx$/);
    const text = await docxText(await readFile(await download.path()));
    expect(text).toContain(`Kvalitetsrapport: ${unitName}`);
    expect(text).toContain('Varför blev det som det blev när vi gjorde som vi gjorde?');
    expect(text).toContain(String(analysis.followUp).split('\n')[0]?.trim());
    expect(text).toContain('Föräldramöte om läsning Cecilia Ek 1 feb. 2027 Planerad');
    await page.getByText('Rapporten är klar.').waitFor();
  });

  it('shows a conflict with the current text and resolves it without overwriting', async () => {
    const analysis = (await h.api<{ items: Item[] }>('principal-bjork', 'GET', `/api/units/${unitId}/analyses`)).items[0];
    if (!analysis) throw new Error('the unit has an analysis');
    const me = await h.api<{ userId: string }>('principal-bjork', 'GET', '/api/me');
    const action = await h.api<Item>('principal-bjork', 'POST', `/api/units/${unitId}/actions`, {
      title: 'Samtal om studiero i varje klass', ownerId: me.userId, ownerName: 'Cecilia Ek', dueDate: '2027-05-15',
      status: 'planned', originKind: 'analysis', originId: analysis.id, schoolYear: analysis.schoolYear,
    });
    const a = await openUnit('principal-bjork', 'Cecilia Ek', 'actions');
    const b = await openUnit('principal-bjork', 'Cecilia Ek', 'actions');
    const edit = `Redigera: ${String(action.title)}`;
    await a.page.getByRole('button', { name: edit }).click();
    await b.page.getByRole('button', { name: edit }).click();
    await a.page.getByRole('dialog').getByRole('textbox', { name: /Rubrik/ }).fill('Samtal om studiero i varje klass, med elevrådet');
    await a.page.getByRole('dialog').getByRole('button', { name: 'Spara' }).click();
    await a.page.getByRole('dialog').waitFor({ state: 'detached' });

    const dialog = b.page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: /Status/ }).selectOption('inProgress');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    const conflict = dialog.getByTestId('conflict');
    await conflict.waitFor();
    await conflict.getByText('Samtal om studiero i varje klass, med elevrådet').waitFor();
    await expectAccessible(b.page, 'conflict');
    // Nothing was overwritten by the stale save.
    expect(await h.api<Item>('principal-bjork', 'GET', `/api/actions/${action.id}`)).toMatchObject({ title: 'Samtal om studiero i varje klass, med elevrådet', status: 'planned' });
    await conflict.getByRole('button', { name: 'Spara min version ovanpå' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Both changes stand: theirs (the title) and mine (the status).
    expect(await h.api<Item>('principal-bjork', 'GET', `/api/actions/${action.id}`)).toMatchObject({ title: 'Samtal om studiero i varje klass, med elevrådet', status: 'inProgress' });
  });

  it('lists my actions across units with quick status updates ("Mina åtgärder")', async () => {
    const { page } = await h.newPage();
    await page.goto(`${h.url}/?view=my-actions`);
    await signIn(page, 'Elin Berg');
    await page.getByTestId('my-actions').waitFor();
    await expectAccessible(page, 'my actions');
    await page.screenshot({ path: path.join(screenshotDir, 'my-actions.png'), fullPage: true });
    const mine = (await h.api<{ items: Item[] }>('staff-bjork', 'GET', '/api/my/actions')).items;
    const open = mine.find((a) => a.status === 'planned');
    if (!open) throw new Error('Elin Berg has a planned action in the demo seed');
    await page.getByRole('combobox', { name: `Ändra status för ${String(open.title)}` }).selectOption('inProgress');
    await expect.poll(async () => (await h.api<Item>('staff-bjork', 'GET', `/api/actions/${open.id}`)).status).toBe('inProgress');
    // staff have no way to the organizer's level
    await expect(page.getByRole('navigation', { name: 'Fler vyer' }).count()).resolves.toBe(0);
  });

  it('takes the administration and the board from "Mina åtgärder" to the organizer\'s level their role allows', async () => {
    const admin = (await h.newPage()).page;
    await admin.goto(`${h.url}/?view=my-actions`);
    await signIn(admin, 'Anna Lindqvist');
    await admin.getByTestId('my-actions').waitFor();
    const link = admin.getByRole('navigation', { name: 'Fler vyer' }).getByRole('link', { name: 'Huvudmannens vy (förvaltningen)' });
    await expectAccessible(admin, 'my actions (administration)');
    await link.click();
    await admin.getByTestId('rollup').waitFor();
    expect(new URL(admin.url()).searchParams.get('view')).toBe('organizer');
    await admin.getByRole('heading', { level: 1, name: 'Huvudmannens kvalitetsarbete' }).waitFor();

    const board = (await h.newPage()).page;
    await board.goto(`${h.url}/?view=my-actions`);
    await signIn(board, 'Bengt Holm');
    await board.getByRole('navigation', { name: 'Fler vyer' }).getByRole('link', { name: 'Nämndens sammanställning' }).click();
    await board.getByRole('heading', { level: 1, name: 'Nämndens sammanställning' }).waitFor();
    await board.getByTestId('rollup').waitFor();
  });
});
