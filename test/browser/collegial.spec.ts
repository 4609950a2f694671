/**
 * Andra enheter in a real browser: a principal opens it from the chooser and from inside a unit,
 * searches by a focus area, reads another unit's submitted analysis and its actions with how they
 * went, never a draft, finds whom to ask, and gets back to the chooser. axe-clean in every theme
 * at 1280 and 375 px, with no sideways scroll at 375 px.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Me, OtherUnits } from '../../src/contract';
import { axeViolations, screenshotDir, signIn, skipReason, startBrowserHarness, type BrowserHarness } from './harness';

const skip = skipReason({ CI: process.env.CI });
if (skip) console.warn(skip);

describe.skipIf(skip !== null)('Andra enheter: principals learn from each other', () => {
  let h: BrowserHarness;
  let bjorkId: string;
  let lindId: string;
  let current: OtherUnits;

  beforeAll(async () => {
    h = await startBrowserHarness();
    await mkdir(screenshotDir, { recursive: true });
    const cecilia = await h.api<Me>('principal-bjork', 'GET', '/api/me');
    const david = await h.api<Me>('principal-lind', 'GET', '/api/me');
    bjorkId = cecilia.units.find((unit) => unit.name.startsWith('Björkskolan F'))?.unitId ?? '';
    lindId = david.units[0]?.unitId ?? '';
    current = await h.api<OtherUnits>('principal-bjork', 'GET', '/api/other-units');
    if (!bjorkId || !lindId) throw new Error('the demo seed has Björkskolan F–6 (Cecilia Ek) and Lindgymnasiet (David Sjöberg)');
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  /** Axe in light, dark and high contrast at 1280 and 375 px, and no sideways scroll at 375 px; the failures. */
  async function sweep(page: Page, pagePath: string): Promise<string[]> {
    const failures: string[] = [];
    for (const theme of ['default', 'dark', 'contrast'] as const) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${h.url}${pagePath}&theme=${theme}`);
      await page.getByTestId('other-units').getByRole('search').waitFor();
      for (const width of [1280, 375] as const) {
        await page.setViewportSize({ width, height: 900 });
        for (const violation of await axeViolations(page)) failures.push(`${theme} ${width}: ${violation.id} ${violation.targets.slice(0, 3).join(', ')}`);
        if (width === 375) {
          const [scrollWidth, clientWidth] = await page.evaluate(() => [document.scrollingElement?.scrollWidth ?? 0, document.scrollingElement?.clientWidth ?? 0]);
          if (scrollWidth > clientWidth) failures.push(`${theme} 375: scrolls sideways (${scrollWidth} > ${clientWidth} px)`);
        }
      }
    }
    return failures;
  }

  it('from the chooser: searches by an area, reads another unit\'s submitted analysis and actions with evaluations, finds whom to ask, and goes back', async () => {
    const { page } = await h.newPage({ width: 1280, height: 900 });
    await page.goto(`${h.url}/tab`);
    await signIn(page, 'Cecilia Ek');
    // Cecilia leads two units: the chooser offers Andra enheter beside them
    await page.getByRole('combobox', { name: 'Välj enhet' }).waitFor();
    await page.getByRole('link', { name: 'Andra enheter: lär av varandra' }).click();
    const view = page.getByTestId('other-units');
    await view.getByRole('search').waitFor();
    // her own units are not "other"; Lindgymnasiet's submitted analysis is there
    await expect(page.getByTestId(`other-unit-${bjorkId}`).count()).resolves.toBe(0);
    const lind = page.getByTestId(`other-unit-${lindId}`);
    await lind.getByRole('heading', { level: 4, name: `Analys ${current.schoolYear} HT` }).waitFor();
    await lind.getByText('Stark kollegial kultur').waitFor();

    // search by a focus area: whom to ask, with a chat link
    const area = current.focusAreas.find((entry) => entry.title === 'Formativ bedömning');
    if (!area) throw new Error('the demo seed has the focus area Formativ bedömning');
    await page.getByRole('combobox', { name: 'Fokusområde' }).selectOption(area.focusAreaId);
    await expect.poll(() => page.url()).not.toContain('focusAreaId'); // the search is the view's, not the address'
    const formative = page.getByRole('region', { name: 'Kommunens gemensamma utvecklingsområden' }).getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 4, name: 'Formativ bedömning' }) });
    const chat = formative.getByRole('link', { name: 'Chatta med David Sjöberg i Teams' });
    await expect(chat.getAttribute('href')).resolves.toBe('https://teams.microsoft.com/l/chat/0/0?users=david.sjoberg%40demokommun.example');
    await lind.getByRole('heading', { level: 4, name: `Analys ${current.schoolYear} HT` }).waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'other-units.png'), fullPage: true });

    // last year: the actions that are done, with how they went
    const previous = current.schoolYears.find((year) => year < current.schoolYear) ?? '';
    await page.getByRole('combobox', { name: 'Läsår' }).selectOption(previous);
    await lind.getByText('Kollegialt lärande om formativ bedömning').waitFor();
    await lind.getByText(/Genomfört i alla arbetslag; fler elever når målen i matematik\./).waitFor();

    // back to the chooser
    await page.getByRole('link', { name: 'Välj enhet' }).click();
    await page.getByRole('combobox', { name: 'Välj enhet' }).waitFor();
  }, 180_000);

  it('from inside a unit: another principal never sees Björkskolan\'s draft, and "Byt enhet" leads to the chooser', async () => {
    const { page } = await h.newPage({ width: 1280, height: 900 });
    await page.goto(`${h.url}/tab`);
    await signIn(page, 'David Sjöberg');
    // David leads one unit: it opens at once, and Andra enheter is one of its tabs
    await page.getByTestId('overview').waitFor();
    await page.getByRole('tab', { name: 'Andra enheter' }).click();
    const bjork = page.getByTestId(`other-unit-${bjorkId}`);
    await bjork.waitFor();
    // Björkskolan's analysis of this year is a draft: not shown, while its actions are
    await bjork.getByText('Gemensamma genomgångar med exit tickets i matematik').waitFor();
    await expect(bjork.getByRole('heading', { name: /^Analys / }).count()).resolves.toBe(0);
    await expect(page.getByTestId(`other-unit-${lindId}`).count()).resolves.toBe(0);

    await page.getByRole('link', { name: 'Byt enhet' }).click();
    await page.getByRole('combobox', { name: 'Välj enhet' }).waitFor();
    await expect(page.getByRole('combobox', { name: 'Välj enhet' }).locator('option').allTextContents()).resolves.toEqual(['Lindgymnasiet']);
  }, 180_000);

  it('passes axe in light, dark and high contrast at 1280 and 375 px, with no sideways scroll', async () => {
    const { page } = await h.newPage({ width: 1280, height: 900 });
    await page.goto(`${h.url}/tab?view=other-units`);
    await signIn(page, 'Cecilia Ek');
    expect(await sweep(page, '/tab?view=other-units')).toEqual([]);
    expect(await sweep(page, `/tab?unitId=${bjorkId}&view=otherUnits`)).toEqual([]);
  }, 300_000);
});
