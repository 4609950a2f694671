import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, skipReason, startBrowserHarness, type BrowserHarness } from './harness';

// The only environment read in these tests: CI must never skip them.
const skip = skipReason({ CI: process.env.CI });
if (skip) console.warn(skip);

/** Every response of a page load that was not a success, as "<status> <url>". */
function collectFailures(page: Page): string[] {
  const failures: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => failures.push(`failed ${request.url()}`));
  return failures;
}

describe.skipIf(skip !== null)('pages a browser opens without signing in', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startBrowserHarness();
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  it('the tab loads with nothing missing: its favicon is the app icon, not a 404', async () => {
    const { page } = await h.newPage();
    const failures = collectFailures(page);
    const icons: string[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/favicon.svg')) icons.push(`${response.status()} ${response.headers()['content-type'] ?? ''}`);
    });
    await page.goto(`${h.url}/`);
    await page.getByRole('button', { name: 'Logga in som Cecilia Ek' }).waitFor();
    // Chromium fetches the favicon after the load; give it the moment it needs, bounded.
    for (let i = 0; i < 40 && icons.length === 0; i += 1) await page.waitForTimeout(50);
    expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe('/favicon.svg');
    const favicon = await page.request.get(`${h.url}/favicon.svg`);
    expect(favicon.status()).toBe(200);
    expect(favicon.headers()['content-type']).toMatch(/^image\/svg\+xml/);
    expect(await favicon.text()).toContain('fill="#1F6F5C"');
    expect(failures).toEqual([]);
  });

  const statements = [
    ['/privacy', 'sv', 'Så behandlas personuppgifter i Kvalitetshjulet'],
    ['/privacy?lang=en', 'en', 'How Kvalitetshjulet processes personal data'],
    ['/terms', 'sv', 'Användarvillkor för Kvalitetshjulet'],
    ['/terms?lang=en', 'en', 'Terms of use for Kvalitetshjulet'],
    ['/accessibility', 'sv', 'Tillgänglighetsredogörelse för Kvalitetshjulet'],
    ['/accessibility?lang=en', 'en', 'Accessibility statement for Kvalitetshjulet'],
  ] as const;

  it.each(statements)('%s opens without signing in and is axe-clean at 1280 and 375 px, light and dark', async (path, lang, title) => {
    for (const width of [1280, 375]) {
      const { context, page } = await h.newPage({ width });
      const failures = collectFailures(page);
      const scripts: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(request.url());
      });
      await page.goto(`${h.url}${path}`);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe(lang);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(title);
      await page.getByRole('main').waitFor();
      await page.getByRole('navigation').waitFor();
      expect(await axeViolations(page), `axe on ${path} at ${width} px`).toEqual([]);
      // nothing wider than the screen: the text reflows
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await axeViolations(page), `axe on ${path} at ${width} px, dark`).toEqual([]);
      expect(scripts).toEqual([]);
      expect(failures).toEqual([]);
      await context.close();
    }
  });

  it('the skip link is the first stop for the keyboard and leads to the main content', async () => {
    const { page } = await h.newPage();
    await page.goto(`${h.url}/accessibility`);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Hoppa till innehållet' });
    await expect(skip.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#main');
    // the link to the other language names it in that language
    await expect(page.getByRole('link', { name: 'In English' }).getAttribute('lang')).resolves.toBe('en');
  });
});
