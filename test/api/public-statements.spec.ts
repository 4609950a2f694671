import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoController } from '../../src/config';
import { buildAppPackage } from '../../scripts/package-build';
import { loadEnvironment } from '../../scripts/package-env';
import { startHarness, type Harness } from './harness';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outputDir = mkdtempSync(join(tmpdir(), 'statements-package-'));

let h: Harness;
let manifestUrls: { privacyUrl: string; termsOfUseUrl: string };
beforeAll(async () => {
  h = await startHarness();
  // the app package as npm run package -- --env playground renders it
  const built = await buildAppPackage({ root, env: 'playground', values: loadEnvironment({ root, env: 'playground' }), outputDir });
  const { privacyUrl, termsOfUseUrl } = (built.manifest as { developer: { privacyUrl: string; termsOfUseUrl: string } }).developer;
  manifestUrls = { privacyUrl, termsOfUseUrl };
});
afterAll(async () => {
  await h?.server.stop();
  rmSync(outputDir, { recursive: true, force: true });
});

/** The manifest's URL, asked of the server on port 0 instead of its host. */
async function get(url: string, query = '') {
  const { pathname, search } = new URL(url);
  return h.request('GET', `${pathname}${search}${query}`);
}

const h1 = (html: string): string | undefined => /<h1>([^<]*)<\/h1>/.exec(html)?.[1];

describe('the statements the app manifest links, without a token', () => {
  it('the manifest points at /privacy and /terms on the tab\'s own host', () => {
    const domain = loadEnvironment({ root, env: 'playground' })['TAB_DOMAIN'];
    expect(manifestUrls).toEqual({ privacyUrl: `https://${domain}/privacy`, termsOfUseUrl: `https://${domain}/terms` });
  });

  it('privacyUrl answers the privacy statement in Swedish, naming the controller and whom to ask', async () => {
    const response = await get(manifestUrls.privacyUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-language')).toBe('sv');
    expect(response.text).toMatch(/^<!doctype html>\n<html lang="sv">/);
    expect(h1(response.text)).toBe('Så behandlas personuppgifter i Kvalitetshjulet');
    for (const expected of [demoController.name, `mailto:${demoController.email}`, `mailto:${demoController.dpoEmail}`, 'artikel 6.1 e', '4 kap. 3–8 §§', 'Integritetsskyddsmyndigheten', 'SharePoint', 'Microsoft Ireland Operations Limited']) {
      expect(response.text, expected).toContain(expected);
    }
    expect(response.text).not.toMatch(/<script/i);
  });

  it('privacyUrl and termsOfUseUrl answer in English with ?lang=en', async () => {
    const privacy = await get(manifestUrls.privacyUrl, '?lang=en');
    expect(privacy.status).toBe(200);
    expect(privacy.headers.get('content-language')).toBe('en');
    expect(privacy.text).toContain('<html lang="en">');
    expect(h1(privacy.text)).toBe('How Kvalitetshjulet processes personal data');
    expect(privacy.text).toContain('Article 6(1)(e)');
    const terms = await get(manifestUrls.termsOfUseUrl, '?lang=en');
    expect(terms.status).toBe(200);
    expect(h1(terms.text)).toBe('Terms of use for Kvalitetshjulet');
    expect(terms.text).toContain(demoController.name);
  });

  it('termsOfUseUrl answers the terms of use in Swedish', async () => {
    const terms = await get(manifestUrls.termsOfUseUrl);
    expect(terms.status).toBe(200);
    expect(h1(terms.text)).toBe('Användarvillkor för Kvalitetshjulet');
    expect(terms.text).toContain('personnummer');
    expect(terms.text).toContain(`mailto:${demoController.email}`);
  });

  it('the accessibility statement is at /accessibility, with where to report problems and Digg', async () => {
    for (const [query, title, lang] of [['', 'Tillgänglighetsredogörelse för Kvalitetshjulet', 'sv'], ['?lang=en', 'Accessibility statement for Kvalitetshjulet', 'en']] as const) {
      const response = await h.request('GET', `/accessibility${query}`);
      expect(response.status).toBe(200);
      expect(response.text).toContain(`<html lang="${lang}">`);
      expect(h1(response.text)).toBe(title);
      expect(response.text).toContain(`mailto:${demoController.accessibilityEmail}`);
      expect(response.text).toContain('href="https://www.digg.se/tdosanmalan"');
      expect(response.text).toContain('2018:1937');
    }
  });

  it('links each statement to the others and to itself in the other language', async () => {
    const page = await h.request('GET', '/terms');
    expect(page.text).toContain('<a href="/privacy">');
    expect(page.text).toContain('<a href="/accessibility">');
    expect(page.text).toContain('<a href="/terms" aria-current="page">');
    expect(page.text).toContain('<a href="/terms?lang=en" lang="en" hreflang="en">In English</a>');
  });

  it('keeps the content security policy, and an unknown language is Swedish rather than an error', async () => {
    const response = await h.request('GET', '/privacy?lang=de');
    expect(response.status).toBe(200);
    expect(response.text).toContain('<html lang="sv">');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' https://res.cdn.office.net");
    expect(csp).toMatch(/frame-ancestors [^;]*https:\/\/teams\.microsoft\.com/);
  });
});
