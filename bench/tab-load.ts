/**
 * The channel tab's weight and speed, against the same page built without code splitting:
 * - initial JavaScript (the entry and its modulepreloads), gzipped; target at most 250 KB;
 * - time from navigation to the overview rendered with data, in headless Chromium, p50 of 10 cold
 *   loads (a fresh browser context each: no cache, no session), local mode on the seeded demo.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { loadConfig } from '../src/config';
import { createServer, type KvalitetshjuletServer } from '../src/server';
import { benchLine, percentile } from './measure';

const root = fileURLToPath(new URL('..', import.meta.url));
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const loads = 10;

/** Options for the benchmark; the defaults are the ones the issue asks for. */
export interface TabLoadOptions {
  loads?: number;
  executablePath?: string;
}

/** Builds the tab into `outDir` (split: as `npm start` serves it; else in one script). */
export async function buildTab(outDir: string, split: boolean): Promise<void> {
  await build({
    configFile: path.join(root, 'tab/vite.config.ts'),
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true, ...(split ? {} : { rollupOptions: { output: { codeSplitting: false } } }) },
  });
}

/** The gzipped bytes of the entry script and every module it preloads: what runs before any view. */
export async function initialJsBytes(dir: string): Promise<number> {
  const html = await readFile(path.join(dir, 'index.html'), 'utf8');
  const urls = [
    ...[...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]),
  ].filter((url): url is string => typeof url === 'string');
  let total = 0;
  for (const url of new Set(urls)) total += gzipSync(await readFile(path.join(dir, url.replace(/^\//, '')))).length;
  return total;
}

interface Target {
  server: KvalitetshjuletServer;
  url: string;
  unitId: string;
  token: string;
  /** gzipped bytes of every script the browser fetched until the overview showed, per load */
  fetched: number[];
  times: number[];
}

async function startTarget(tabDir: string, dataDir: string): Promise<Target> {
  const config = loadConfig({ PORT: '0', MODE: 'local', LOG_LEVEL: 'silent', DATA_DIR: dataDir });
  const server = createServer(config, { inMemory: true, botScheduler: false, bot: false, tabDir });
  const { url } = await server.start();
  const response = await fetch(`${url}/dev-idp/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ persona: 'principal-bjork' }) });
  const { access_token: token } = (await response.json()) as { access_token: string };
  const me = (await (await fetch(`${url}/api/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as { units: { unitId: string }[] };
  const unitId = me.units[0]?.unitId;
  if (!unitId) throw new Error('the demo seed gives the principal a unit');
  return { server, url, unitId, token, fetched: [], times: [] };
}

/** One cold load: a new context, the session's token in place, then navigation until the overview has data. */
async function coldLoad(browser: Browser, target: Target): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const stored = JSON.stringify({ accessToken: target.token, expiresAt: Date.now() + 3_600_000, name: 'Cecilia Ek' });
    await context.addInitScript((value: string) => window.sessionStorage.setItem('kvalitetshjulet.token', value), stored);
    const page = await context.newPage();
    const scripts: Promise<number>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response.body().then((body) => gzipSync(body).length, () => 0));
    });
    await page.goto(`${target.url}/tab?unitId=${target.unitId}`, { waitUntil: 'commit' });
    // performance.now() counts from navigation start; polled each frame until the overview shows its cycle.
    const handle = await page.waitForFunction(() => (document.querySelector('[data-testid="overview"] h2') ? performance.now() : 0), undefined, { polling: 'raf', timeout: 30_000 });
    target.times.push(Number(await handle.jsonValue()));
    target.fetched.push((await Promise.all(scripts)).reduce((a, b) => a + b, 0));
  } finally {
    await context.close();
  }
}

/** Runs the benchmark; answers its lines in the bench format. */
export async function run(options: TabLoadOptions = {}): Promise<string[]> {
  const work = await mkdtemp(path.join(tmpdir(), 'kvalitetshjulet-tab-load-'));
  const split = path.join(work, 'split');
  const single = path.join(work, 'single');
  await buildTab(split, true);
  await buildTab(single, false);
  const targets: Target[] = [];
  let browser: Browser | undefined;
  try {
    const [splitBytes, singleBytes] = [await initialJsBytes(split), await initialJsBytes(single)];
    const a = await startTarget(split, path.join(work, 'data-split'));
    targets.push(a);
    const b = await startTarget(single, path.join(work, 'data-single'));
    targets.push(b);
    browser = await chromium.launch({ executablePath: options.executablePath ?? '/usr/bin/chromium', args: chromiumArgs });
    // One warm-up each (the server's first reads), then alternate so drift hits both alike.
    await coldLoad(browser, a);
    await coldLoad(browser, b);
    a.times.length = 0; a.fetched.length = 0; b.times.length = 0; b.fetched.length = 0;
    for (let i = 0; i < (options.loads ?? loads); i += 1) {
      await coldLoad(browser, a);
      await coldLoad(browser, b);
    }
    const kb = (bytes: number) => bytes / 1024;
    const splitP50 = percentile(a.times, 50);
    const singleP50 = percentile(b.times, 50);
    const splitFetched = percentile(a.fetched, 50);
    const singleFetched = percentile(b.fetched, 50);
    return [
      benchLine('tab initial JS gzipped (target <= 250 KB)', kb(splitBytes), 'KB', singleBytes / splitBytes, 'no code splitting'),
      benchLine('tab JS fetched until the overview shows, gzipped', kb(splitFetched), 'KB', singleFetched / splitFetched, 'no code splitting'),
      benchLine('tab navigation to overview with data, p50 of 10 cold loads', splitP50, 'ms', singleP50 / splitP50, `no code splitting (${singleP50.toFixed(0)} ms)`),
    ];
  } finally {
    await browser?.close();
    for (const target of targets) await target.server.stop();
    await rm(work, { recursive: true, force: true });
  }
}
