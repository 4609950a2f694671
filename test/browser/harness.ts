/**
 * Browser tests against the real server: the tab built once per run (build-tab.ts), the server in-process on
 * port 0 in local mode (emulator in memory, seeded or empty), Debian's Chromium through playwright-core.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { loadConfig } from '../../src/config';
import { createServer, type KvalitetshjuletServer, type ServerOptions } from '../../src/server';

export const chromiumPath = '/usr/bin/chromium';
const root = fileURLToPath(new URL('../..', import.meta.url));
export const screenshotDir = path.join(root, 'docs/screenshots');

/** Chromium's flags for a quiet headless run without background traffic. */
export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Why the browser tests cannot run here, or null when they can. Missing Chromium fails in CI. */
export function skipReason(env: { CI?: string }): string | null {
  if (existsSync(chromiumPath)) return null;
  if (env.CI) return null;
  return `browser tests skipped: ${chromiumPath} is missing (apt-get install chromium); in CI they run`;
}

export interface BrowserHarness {
  url: string;
  browser: Browser;
  /** A new browser context (own sessionStorage): one per signed-in person. */
  newPage(options?: { width?: number; height?: number }): Promise<{ context: BrowserContext; page: Page }>;
  /** A dev identity provider token for calling the API directly in assertions. */
  token(persona: string): Promise<string>;
  api<T>(persona: string, method: string, apiPath: string, body?: unknown, headers?: Record<string, string>): Promise<T>;
  close(): Promise<void>;
}

/** The tab as built for this run by the browser files' global setup (build-tab.ts). */
export function builtTab(): string {
  return inject('tabDir');
}

/**
 * Starts the server over the built tab, and the browser: the demo municipality, or an empty site (`seed: 'none'`, as `SEED=none`).
 * `botScheduler` drains the bot's outbox, as in production (for tests that follow a card to the connector).
 */
/** What a browser file may set on the server it drives: its seed, the bot's scheduler, the result imports' pace. */
export interface BrowserHarnessOptions {
  readonly seed?: 'demo' | 'none';
  readonly botScheduler?: boolean;
  readonly server?: Pick<ServerOptions, 'importUnitsPerMinute' | 'importJobs'>;
}

export async function startBrowserHarness(options: BrowserHarnessOptions = {}): Promise<BrowserHarness> {
  const work = await mkdtemp(path.join(tmpdir(), 'kvalitetshjulet-browser-'));
  const config = loadConfig({ PORT: '0', MODE: 'local', LOG_LEVEL: 'silent', DATA_DIR: path.join(work, 'data'), SEED: options.seed ?? 'demo' });
  const server: KvalitetshjuletServer = createServer(config, { ...options.server, inMemory: true, botScheduler: options.botScheduler ?? false, tabDir: builtTab() });
  const started = await server.start();
  const url = started.url;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const hostPage = await readFile(path.join(root, 'test/browser/teams-host.html'), 'utf8');
  const contexts: BrowserContext[] = [];
  const tokens = new Map<string, string>();

  async function token(persona: string): Promise<string> {
    const cached = tokens.get(persona);
    if (cached) return cached;
    const response = await fetch(`${url}/dev-idp/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ persona }) });
    const body = (await response.json()) as { access_token: string };
    tokens.set(persona, body.access_token);
    return body.access_token;
  }

  return {
    url,
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: options.height ?? 900 }, acceptDownloads: true, locale: 'sv-SE' });
      contexts.push(context);
      // Well inside the test's own timeout, so a missing element fails with its locator named.
      context.setDefaultTimeout(10_000);
      // The Teams host stand-in is served on the tab's own origin, as teams-js requires.
      await context.route(`${url}/__teams-host**`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: hostPage }));
      return { context, page: await context.newPage() };
    },
    token,
    async api<T>(persona: string, method: string, apiPath: string, body?: unknown, headers: Record<string, string> = {}) {
      const response = await fetch(`${url}${apiPath}`, {
        method,
        headers: { authorization: `Bearer ${await token(persona)}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${apiPath}: ${response.status} ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await server.stop();
      await rm(work, { recursive: true, force: true });
    },
  };
}

/**
 * The Teams host stand-in for a meeting: the meeting's ids (`meetingId`, `chatId` query parameters)
 * in the context it answers, and a reply to meeting.shareAppContentToStage (kept in `__host.shared`).
 */
export function meetingHostPage(): string {
  const page = readFileSync(path.join(root, 'test/browser/teams-host.html'), 'utf8');
  const withIds = page.replace("sessionId: 'session-test'", "sessionId: 'session-test', meetingId: params.get('meetingId') || undefined, chatId: params.get('chatId') || undefined");
  const withShare = withIds.replace("case 'getContext':", "case 'meeting.shareAppContentToStage':\n        window.__host.shared = request.args;\n        reply(request, [null, true]);\n        break;\n      case 'getContext':");
  if (withIds === page || withShare === withIds) throw new Error('teams-host.html changed: the meeting host page cannot be derived from it');
  return withShare;
}

/** The tab's frame inside the Teams host stand-in. */
export function appFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f !== page.mainFrame());
  if (!frame) throw new Error('the host frames the tab');
  return frame;
}

/**
 * Switches the Teams host stand-in's theme, as Teams does while the tab is open, and waits (10 s at
 * most, as long as any locator: browser files run side by side) until the tab's background has followed.
 */
export async function switchHostTheme(page: Page, theme: 'default' | 'dark' | 'contrast'): Promise<void> {
  const background = () => page.frameLocator('iframe#app').locator('.fui-FluentProvider').first().evaluate((el) => getComputedStyle(el).backgroundColor);
  const before = await background();
  await page.evaluate((name) => (window as unknown as { __host: { setTheme(theme: string): void } }).__host.setTheme(name), theme);
  for (let tries = 0; tries < 100; tries += 1) {
    if ((await background()) !== before) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the tab kept its background ${before} after the host switched to ${theme}`);
}

/** The text of a .docx's body (word/document.xml without its tags), for what a report says. */
export async function docxText(file: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(file);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

/** Signs in with the persona picker (local mode). */
export async function signIn(page: Page | Frame, name: string): Promise<void> {
  await page.getByRole('button', { name: `Logga in som ${name}` }).click();
}

const axeSourcePath = path.join(root, 'node_modules/axe-core/axe.min.js');
let axeSource: string | undefined;

/** One axe-core violation, trimmed for a readable assertion message. */
export interface AxeViolation {
  id: string;
  help: string;
  targets: string[];
}

/** Runs axe-core's WCAG 2.1 A and AA rules over the whole page: nothing is left out. */
export async function axeViolations(target: Page | Frame): Promise<AxeViolation[]> {
  axeSource ??= await readFile(axeSourcePath, 'utf8');
  // Fluent's enter motions fade elements in; contrast is judged once they have settled.
  await target.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))));
  // Once per document: evaluate() is not subject to the page's CSP, unlike an injected <script>.
  if (!(await target.evaluate(() => 'axe' in window))) await target.evaluate(axeSource);
  return target.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    // Left out: only the two focus sentinels Fluent's focus manager (tabster) keeps at the body's
    // edges once a modal dialog has been open (1 px, role none; they wrap Tab back into the page).
    // Sentinels inside the content (tab lists, toolbars) are still judged.
    const result = await axe.run({ exclude: [['body > i[data-tabster-dummy]']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}
