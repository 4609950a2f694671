/**
 * The accessibility sweep: every view of the tab, in Swedish and English, in Teams' light, dark
 * and high-contrast themes, at 1280 and 375 px, passes axe (WCAG 2.1 A and AA, nothing left out)
 * and never scrolls sideways at 375 px. One page per persona, signed in once, with the tab inside
 * the Teams host stand-in: each view loads once per language (the host's locale) and is checked in
 * each theme as Teams switches it while the tab is open, the width by the viewport.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Me } from '../../src/contract';
import { channelViews, organizerViews } from '../../tab/src/route';
import { appFrame, axeViolations, signIn, skipReason, startBrowserHarness, switchHostTheme, type BrowserHarness } from './harness';

const skip = skipReason({ CI: process.env.CI });
if (skip) console.warn(skip);

const themes = ['default', 'dark', 'contrast'] as const;
/** The languages by the Teams locale that asks for each. */
const languages = [['sv', 'sv-se'], ['en', 'en-us']] as const;
const widths = [1280, 375] as const;

describe.skipIf(skip !== null)('the accessibility sweep over every view', () => {
  let h: BrowserHarness;
  let unitId: string;

  beforeAll(async () => {
    h = await startBrowserHarness();
    const me = await h.api<Me>('principal-bjork', 'GET', '/api/me');
    const unit = me.units.find((u) => u.roles.includes('principal') && u.name.startsWith('Björkskolan F'));
    if (!unit) throw new Error('the demo seed has Björkskolan F–6 with Cecilia Ek as principal');
    unitId = unit.unitId;
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  /** Waits (10 s at most) until the tab has a main region and nothing still loads. */
  async function settled(tab: Frame): Promise<void> {
    await tab.locator('main').first().waitFor();
    await expect.poll(() => tab.locator('.fui-Spinner').count(), { timeout: 10_000 }).toBe(0);
  }

  /** Opens a path of the tab inside the Teams host stand-in, in Teams' light theme; returns the tab's frame. */
  async function openInHost(page: Page, path: string, locale: string): Promise<Frame> {
    await page.goto(`${h.url}/__teams-host?frameContext=content&theme=default&locale=${locale}&src=${encodeURIComponent(path)}`);
    await page.locator('iframe#app').waitFor();
    const tab = appFrame(page);
    await settled(tab);
    return tab;
  }

  /**
   * Whether the page still scrolls sideways once its layout has followed the new width: the frame
   * reflows a moment after the viewport changes, so a page is given two seconds to fit before it
   * is said not to. Returns "<scroll width> > <client width> px", or null when it fits.
   */
  async function scrollsSideways(tab: Frame): Promise<string | null> {
    const deadline = Date.now() + 2_000;
    for (;;) {
      const [scrollWidth, clientWidth] = await tab.evaluate(() => [document.scrollingElement?.scrollWidth ?? 0, document.scrollingElement?.clientWidth ?? 0]);
      if (scrollWidth <= clientWidth) return null;
      if (Date.now() > deadline) return `${scrollWidth} > ${clientWidth} px`;
      await tab.waitForTimeout(100);
    }
  }

  /** Visits each path in every language and theme and checks it at both widths; returns the failures. */
  async function sweep(page: Page, paths: readonly string[]): Promise<string[]> {
    const failures: string[] = [];
    for (const path of paths) {
      for (const [lang, locale] of languages) {
        await page.setViewportSize({ width: 1280, height: 900 });
        const tab = await openInHost(page, path, locale);
        for (const theme of themes) {
          if (theme !== 'default') await switchHostTheme(page, theme);
          for (const width of widths) {
            await page.setViewportSize({ width, height: 900 });
            const where = `${path} (${lang}, ${theme}, ${width} px)`;
            for (const violation of await axeViolations(tab)) failures.push(`${where}: ${violation.id} ${violation.targets.slice(0, 3).join(', ')}`);
            if (width === 375) {
              const sideways = await scrollsSideways(tab);
              if (sideways) failures.push(`${where}: scrolls sideways (${sideways})`);
            }
          }
        }
      }
    }
    return failures;
  }

  // the privacy, terms and accessibility statements have their own sweep (public-pages.spec.ts)
  it('the sign-in page', async () => {
    const { page } = await h.newPage();
    expect(await sweep(page, ['/tab'])).toEqual([]);
  }, 300_000);

  it('every channel view and "Mina åtgärder" for a principal', async () => {
    const { page } = await h.newPage();
    const tab = await openInHost(page, `/tab?unitId=${unitId}&view=overview`, 'sv-se');
    await signIn(tab, 'Cecilia Ek');
    await tab.getByTestId('overview').waitFor();
    const paths = [...channelViews.map((view) => `/tab?unitId=${unitId}&view=${view}`), '/tab?view=my-actions', '/tab?view=other-units', '/tab?view=units', '/config'];
    expect(await sweep(page, paths)).toEqual([]);
  }, 600_000);

  async function organizerPage(): Promise<Page> {
    const { page } = await h.newPage();
    const tab = await openInHost(page, '/tab?view=organizer', 'sv-se');
    await signIn(tab, 'Anna Lindqvist');
    await tab.getByTestId('rollup').waitFor();
    return page;
  }

  it('every section of the organizer for the administration, and the unit chooser', async () => {
    const page = await organizerPage();
    expect(await sweep(page, [...organizerViews.map((section) => `/tab?view=organizer&section=${section}`), '/tab'])).toEqual([]);
  }, 600_000);
});
