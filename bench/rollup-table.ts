/**
 * Issue 15's organizer views at 600 units, in headless Chromium against the large municipality
 * of one school year: the time from navigation to the roll-up shown with its data (target 1 s),
 * and the longest frame and the longest task while scrolling through every unit's row, asking for
 * 50 more at a time (target 200 ms), each against its target.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { createLogger } from '../src/api/log';
import { loadConfig } from '../src/config';
import { startEmulator } from '../src/emulator';
import { seedLarge } from '../src/emulator/seed-large';
import { allLists, lists, type Entities } from '../src/lists/lists';
import { createServer } from '../src/server';
import { createGraphStore } from '../src/store/graph-store';
import { benchLine } from './measure';
import { buildTab } from './tab-load';

const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const units = 600;
const firstRenderTargetMs = 1_000;
const frameTargetMs = 200;

/** Records the longest gap between animation frames and the longest task, from now on. */
const frameRecorder = `(() => {
  const state = { last: performance.now(), longestFrame: 0, longestTask: 0 };
  window.rollupFrames = state;
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) state.longestTask = Math.max(state.longestTask, entry.duration); }).observe({ type: 'longtask' });
  requestAnimationFrame(function tick(now) {
    state.longestFrame = Math.max(state.longestFrame, now - state.last);
    state.last = now;
    requestAnimationFrame(tick);
  });
})()`;

/**
 * Where the first render's time goes, from the page's own timings: the page and its script
 * (navigation to the roll-up's request), the server's answer (request to its first byte), its
 * transfer, and what the page does with it (the answer's end to the table shown: JSON, React,
 * styles, the chart).
 */
const partsOfFirstRender = `(() => {
  const answer = performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/api/organizer/rollup')).pop();
  return answer ? { requested: answer.startTime, server: answer.responseStart - answer.requestStart, transfer: answer.responseEnd - answer.responseStart, answered: answer.responseEnd, bytes: answer.decodedBodySize, wireBytes: answer.encodedBodySize } : null;
})()`;

interface Parts {
  readonly requested: number;
  readonly server: number;
  readonly transfer: number;
  readonly answered: number;
  readonly bytes: number;
  /** as sent: gzipped when the server packs it */
  readonly wireBytes: number;
}

interface Frames {
  readonly longestFrame: number;
  readonly longestTask: number;
  readonly rows: number;
}

export async function run(): Promise<string[]> {
  const work = await mkdtemp(path.join(tmpdir(), 'kvalitetshjulet-rollup-table-'));
  const emulator = await startEmulator({ lists: allLists });
  let browser: Browser | undefined;
  const server = createServer(loadConfig({ PORT: '0', MODE: 'local', LOG_LEVEL: 'silent', DATA_DIR: path.join(work, 'data') }), {
    log: createLogger({ level: 'silent' }), inMemory: true, botScheduler: false, bot: false, seed: 'none', sharedEmulator: emulator, tabDir: path.join(work, 'tab'),
  });
  try {
    await buildTab(path.join(work, 'tab'), true);
    await seedLarge(createGraphStore<Entities>({ baseUrl: emulator.baseUrl, siteId: emulator.siteId, lists, throttle: { resourceUnitsPerMinute: 1_000_000_000 } }), { shape: { units, years: 1 } });
    const { url, devIdp } = await server.start();
    const token = await devIdp?.issue('admin');
    if (!token) throw new Error('local mode has a dev identity provider');
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const stored = JSON.stringify({ accessToken: token, expiresAt: Date.now() + 3_600_000, name: 'Anna Lindqvist' });
    await context.addInitScript((value: string) => window.sessionStorage.setItem('kvalitetshjulet.token', value), stored);
    const page = await context.newPage();
    // a warm-up (the server's first roll-up), then the load that is measured
    await page.goto(`${url}/tab?view=organizer&section=rollup`);
    await page.getByTestId('rollup').waitFor({ timeout: 60_000 });
    await page.goto(`${url}/tab?view=organizer&section=rollup`, { waitUntil: 'commit' });
    const shown = await page.waitForFunction(() => (document.querySelector('[data-testid="rollup"] table tbody tr') ? performance.now() : 0), undefined, { polling: 'raf', timeout: 30_000 });
    const firstRender = Number(await shown.jsonValue());
    // what lies below the units' cycle (the comparison and the lists) renders just after it
    const details = await page.waitForFunction(() => (document.querySelector('[data-testid="rollup-details"]') ? performance.now() : 0), undefined, { polling: 'raf', timeout: 30_000 });
    const wholeView = Number(await details.jsonValue());
    const parts = await page.evaluate<Parts | null>(partsOfFirstRender);
    if (!parts) throw new Error('the page asked for no roll-up');
    const answer = await context.request.get(`${url}/api/organizer/rollup`, { headers: { authorization: `Bearer ${token}` } });
    const body = await answer.text();
    const parseMs = await page.evaluate((text: string) => {
      const start = performance.now();
      JSON.parse(text);
      return performance.now() - start;
    }, body);

    // as a string: the page runs it as written (a compiled function would carry the compiler's helpers)
    await page.evaluate(frameRecorder);
    const more = page.getByRole('button', { name: /^Visa 50 till: enheternas kvalitetshjul$/ });
    for (let round = 0; round < units / 50 && (await more.count()) > 0; round++) {
      await more.click();
      for (let step = 0; step < 10; step++) await page.mouse.wheel(0, 600);
    }
    const frames = await page.evaluate<Frames>(`({ longestFrame: window.rollupFrames.longestFrame, longestTask: window.rollupFrames.longestTask, rows: document.querySelectorAll('table[aria-describedby="cycle-caption"] tbody tr').length })`);
    if (frames.rows !== units) throw new Error(`the roll-up showed ${frames.rows} of ${units} rows`);
    const share = (ms: number): [number, string, number, string] => [ms, 'ms', firstRender / Math.max(ms, 0.01), `the whole first render (${firstRender.toFixed(0)} ms)`];
    return [
      benchLine(`roll-up of ${units} units: navigation to the view with its data`, firstRender, 'ms', firstRenderTargetMs / firstRender, `the ${firstRenderTargetMs} ms target`),
      benchLine(`roll-up of ${units} units: first render, the page and its script until the roll-up is asked for`, ...share(parts.requested)),
      benchLine(`roll-up of ${units} units: first render, the server's answer (request to first byte)`, ...share(parts.server)),
      benchLine(`roll-up of ${units} units: the whole view, the comparison and the lists below the cycle included`, wholeView, 'ms', firstRenderTargetMs / wholeView, `the ${firstRenderTargetMs} ms target`),
      benchLine(`roll-up of ${units} units: first render, the answer's transfer (${(parts.wireBytes / 1024).toFixed(0)} KiB on the wire)`, ...share(parts.transfer)),
      benchLine(`roll-up of ${units} units: the answer on the wire, gzipped`, parts.wireBytes / 1024, 'KiB', parts.bytes / Math.max(parts.wireBytes, 1), `its JSON (${(parts.bytes / 1024).toFixed(0)} KiB)`),
      benchLine(`roll-up of ${units} units: first render, the answer's JSON parsed in the page (${(body.length / 1024).toFixed(0)} KiB)`, ...share(parseMs)),
      benchLine(`roll-up of ${units} units: first render, from the answer to the table shown (parse, React, styles, chart)`, ...share(firstRender - parts.answered)),
      benchLine(`roll-up of ${units} units: longest frame while scrolling through every row`, frames.longestFrame, 'ms', frameTargetMs / frames.longestFrame, `the ${frameTargetMs} ms target`),
      benchLine(`roll-up of ${units} units: longest task while scrolling`, frames.longestTask, 'ms', frameTargetMs / Math.max(frames.longestTask, 1), `the ${frameTargetMs} ms target`),
    ];
  } finally {
    await browser?.close();
    await server.stop();
    await emulator.close();
    await rm(work, { recursive: true, force: true });
  }
}
