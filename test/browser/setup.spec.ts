import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Me, Setup, UnitPage } from '../../src/contract';
import { appFrame, axeViolations, screenshotDir, signIn, skipReason, startBrowserHarness, switchHostTheme, type BrowserHarness } from './harness';

// The only environment read in these tests: CI must never skip them.
const skip = skipReason({ CI: process.env.CI });
if (skip) console.warn(skip);

const registerFile = fileURLToPath(new URL('../fixtures/skolverket-register/school-unit-details-9961.json', import.meta.url));
const administration = 'Anna Lindqvist';
const principal = { persona: 'principal-lind', name: 'David Sjöberg' };
const unitName = 'Sjöviksskolan F-6';

/**
 * A municipality sets itself up from an empty site (SEED=none): the principal is told to wait, the
 * administration goes through the set-up guide's unit steps (imports Skolverket's register, gives a
 * unit its principal and staff group), and then the principal sees their unit.
 */
describe.skipIf(skip !== null)('setting up an empty site in a real browser against the real server', () => {
  let h: BrowserHarness;

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
    await expectAccessible(page, 'unit dialog');
    await shoot(page, '3-principal-and-staff', false);
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.waitFor({ state: 'detached' });
    await people.getByText('1 av 11 enheter har rektor och personalgrupp').waitFor();
    await expect(people.getByRole('button', { name: `Ange rektor och personalgrupp: ${unitName}` }).count()).resolves.toBe(0);
    await shoot(page, '4-guide-after');

    const me = await h.api<Me>(principal.persona, 'GET', '/api/me');
    expect(me.units.map((u) => u.name)).toEqual([unitName]);
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
