import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipReason, startBrowserHarness, type BrowserHarness } from './harness';

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
});
