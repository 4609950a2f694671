/**
 * The meeting extension in a real browser: the tab built into a temp dir, a real server over the
 * lists emulator, and the Teams host page (test/browser/teams-host.html) answering teams-js with
 * a meeting's frame contexts. Two personas in two browser contexts share one side panel.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type FrameLocator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEETING_CHAT, TEAMS_MEETING_ID, meetingEndActivity } from '../../bot/testing/fixtures';
import { startFakeConnector, type FakeConnector } from '../../bot/testing/fake-connector';
import { createLogger } from '../../src/api/log';
import type { PersonaId } from '../../src/auth/personas';
import { loadConfig } from '../../src/config';
import { createServer } from '../../src/server';
import { BJORKSKOLAN, type Harness } from '../api/harness';
import { appFrame, axeViolations, builtTab, meetingHostPage } from './harness';

const chromiumPath = '/usr/bin/chromium';
const runs = existsSync(chromiumPath) || process.env['CI'] !== undefined;
const screenshots = path.resolve('docs/screenshots');
const STAFF = { persona: 'staff-bjork' as const, name: 'Elin Berg', userId: '1a000000-0000-4000-8000-000000000005' };
/** Björkskolan's open deficiency in the demo data. */
const DEFICIENCY = 'Upprepade kränkningar i korridoren vid lunch';

let h: Harness;
let browser: Browser;
let connector: FakeConnector;
let hostHtml: string;
const contexts: BrowserContext[] = [];

async function contextFor(persona: 'principal-bjork' | 'staff-bjork', viewport = { width: 360, height: 900 }): Promise<BrowserContext> {
  const token = await h.token(persona);
  const context = await browser.newContext({ viewport, locale: 'sv-SE' });
  contexts.push(context);
  // the tab keeps the local-mode token in sessionStorage; the persona picker is tested by the tab's own specs
  await context.addInitScript(({ value }) => {
    sessionStorage.setItem('kvalitetshjulet.token', value);
  }, { value: JSON.stringify({ accessToken: token, expiresAt: Date.now() + 3_600_000, personaId: persona }) });
  await context.route('**/__meeting-host**', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: hostHtml }));
  return context;
}

async function openSurface(context: BrowserContext, frameContext: string, src = '/tab', more: Record<string, string> = {}): Promise<{ page: Page; frame: FrameLocator }> {
  const page = await context.newPage();
  const query = new URLSearchParams({ frameContext, meetingId: TEAMS_MEETING_ID, chatId: MEETING_CHAT, src, ...more });
  await page.goto(`${h.url}/__meeting-host?${query.toString()}`);
  return { page, frame: page.frameLocator('#app') };
}

beforeAll(async () => {
  if (!runs) return;
  hostHtml = meetingHostPage();
  h = await startServer(builtTab());
  connector = await startFakeConnector();
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  mkdirSync(screenshots, { recursive: true });
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await connector?.close();
  await h?.server.stop();
});

describe.skipIf(!runs)('the meeting side panel with two participants', () => {
  let principal: { page: Page; frame: FrameLocator };
  let staff: { page: Page; frame: FrameLocator };
  let meetingId = '';

  it('tells staff who may link, lets the principal link the meeting, and then opens for both', async () => {
    staff = await openSurface(await contextFor('staff-bjork'), 'sidePanel');
    await expect.poll(() => staff.frame.getByText('Enhetens rektor eller förvaltningen kopplar mötet', { exact: false }).count(), { timeout: 15_000 }).toBe(1);

    principal = await openSurface(await contextFor('principal-bjork'), 'sidePanel');
    const link = principal.frame.getByRole('button', { name: 'Koppla mötet' });
    await link.waitFor({ timeout: 15_000 });
    await principal.frame.getByLabel('Mötets namn').fill('Resultatkonferens vt');
    await link.click();
    await principal.frame.getByRole('heading', { name: 'Resultatkonferens vt' }).waitFor({ timeout: 10_000 });

    const linked = await h.request('GET', `/api/meetings/by-teams-id/${TEAMS_MEETING_ID}`, { persona: 'principal-bjork' });
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ unitId: await h.unitId(BJORKSKOLAN), chatId: MEETING_CHAT, type: 'resultsConference' });
    meetingId = linked.body['id'] as string;

    await staff.page.reload();
    await staff.frame.getByRole('heading', { name: 'Resultatkonferens vt' }).waitFor({ timeout: 15_000 });
  }, 60_000);

  it('shows each participant the other\'s agenda items, participation and actions within 5 seconds', async () => {
    await principal.frame.getByLabel('Ny punkt på dagordningen').fill('Resultat i matematik');
    await principal.frame.getByRole('button', { name: 'Lägg till punkt' }).click();
    await staff.frame.getByRole('heading', { name: 'Resultat i matematik' }).waitFor({ timeout: 5_000 });

    await staff.frame.getByLabel('Anteckningar: Resultat i matematik').fill('Flickorna ökar mer än pojkarna.');
    // the linked meeting starts with its type's agenda: the item added is one of several
    const item = (who: { frame: FrameLocator }) => who.frame.getByRole('region', { name: 'Resultat i matematik' });
    await item(staff).getByRole('button', { name: 'Spara anteckningar' }).click();
    await expect.poll(() => principal.frame.getByLabel('Anteckningar: Resultat i matematik').inputValue(), { timeout: 5_000 }).toBe('Flickorna ökar mer än pojkarna.');

    await staff.frame.getByLabel('Jag deltar som').selectOption('teacher');
    await staff.frame.getByRole('button', { name: 'Markera mig' }).click();
    await principal.frame.getByTestId('participants').getByText(`${STAFF.name} (Lärare)`).waitFor({ timeout: 5_000 });

    await principal.frame.getByLabel('Nytt beslut: Resultat i matematik').fill('Matematiklyftet fortsätter i åk 4–6');
    await item(principal).getByRole('button', { name: 'Lägg till beslut' }).click();
    await staff.frame.getByText('Matematiklyftet fortsätter i åk 4–6').waitFor({ timeout: 5_000 });

    // an action by the principal, owned by the teacher
    await principal.frame.getByRole('button', { name: 'Ny åtgärd' }).click();
    const dialog = principal.frame.getByRole('dialog');
    await dialog.getByLabel('Rubrik').fill('Läsfrämjande insats åk 4');
    await dialog.getByLabel('Ansvarig').selectOption({ label: STAFF.name });
    await dialog.getByLabel('Klart senast').fill('2026-05-29');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await staff.frame.getByTestId('meeting-action').filter({ hasText: 'Läsfrämjande insats åk 4' }).waitFor({ timeout: 5_000 });
    await expect.poll(() => staff.frame.getByTestId('meeting-action').filter({ hasText: 'Läsfrämjande insats åk 4' }).innerText()).toContain(STAFF.name);

    // and one by the teacher, seen by the principal
    await staff.frame.getByRole('button', { name: 'Ny åtgärd' }).click();
    const staffDialog = staff.frame.getByRole('dialog');
    await staffDialog.getByLabel('Rubrik').fill('Kartlägga studiero i åk 5');
    await staffDialog.getByLabel('Klart senast').fill('2026-04-30');
    await staffDialog.getByRole('button', { name: 'Spara' }).click();
    await principal.frame.getByTestId('meeting-action').filter({ hasText: 'Kartlägga studiero i åk 5' }).waitFor({ timeout: 5_000 });

    await principal.page.screenshot({ path: path.join(screenshots, 'meeting-side-panel.png'), fullPage: true });
    expect(await axeViolations(appFrame(principal.page))).toEqual([]);
  }, 60_000);

  it('shows the later of two edits of the same action the conflict and the current text, and keeps both people\'s work', async () => {
    const edit = (who: { frame: FrameLocator }) => who.frame.getByRole('button', { name: 'Redigera: Läsfrämjande insats åk 4' });
    await edit(principal).click();
    await edit(staff).click();
    const first = principal.frame.getByRole('dialog');
    const second = staff.frame.getByRole('dialog');
    await first.getByLabel('Rubrik').fill('Läsfrämjande insats åk 4 och 5');
    await first.getByRole('button', { name: 'Spara' }).click();
    await first.waitFor({ state: 'detached', timeout: 5_000 });

    await second.getByLabel('Status').selectOption({ label: 'Pågår' });
    await second.getByRole('button', { name: 'Spara' }).click();
    const conflict = second.getByTestId('conflict');
    await conflict.waitFor({ timeout: 5_000 });
    expect(await conflict.innerText()).toContain('Läsfrämjande insats åk 4 och 5');
    await conflict.getByRole('button', { name: 'Spara min version ovanpå' }).click();
    await second.waitFor({ state: 'detached', timeout: 5_000 });

    const actions = await h.request('GET', `/api/units/${await h.unitId(BJORKSKOLAN)}/actions`, { persona: 'principal-bjork' });
    const saved = (actions.body['items'] as { title: string; status: string; originId: string }[]).filter((action) => action.originId === meetingId);
    expect(saved.map((action) => [action.title, action.status]).sort()).toEqual([
      ['Kartlägga studiero i åk 5', 'planned'],
      ['Läsfrämjande insats åk 4 och 5', 'inProgress'],
    ]);
    await principal.frame.getByTestId('meeting-action').filter({ hasText: 'Läsfrämjande insats åk 4 och 5' }).filter({ hasText: 'Pågår' }).waitFor({ timeout: 5_000 });
  }, 60_000);

  it('records an action from one of the unit\'s open deficiencies in the side panel, seen by the other participant', async () => {
    await staff.frame.getByRole('button', { name: 'Ny åtgärd' }).click();
    const dialog = staff.frame.getByRole('dialog');
    await dialog.getByLabel('Rubrik').fill('Rastvärdar vid lunch');
    await dialog.getByLabel('Klart senast').fill('2026-04-15');
    await dialog.getByRole('radio', { name: 'En av enhetens öppna brister' }).check();
    const deficiency = dialog.getByRole('combobox', { name: /^Brist/ });
    await expect.poll(() => deficiency.locator('option').allInnerTexts(), { timeout: 5_000 }).toContain(DEFICIENCY);
    await deficiency.selectOption({ label: DEFICIENCY });
    expect(await axeViolations(appFrame(staff.page))).toEqual([]);
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 5_000 });

    const row = principal.frame.getByTestId('meeting-action').filter({ hasText: 'Rastvärdar vid lunch' });
    await row.waitFor({ timeout: 5_000 });
    expect(await row.innerText()).toContain('Utgår från en brist');

    const unitId = await h.unitId(BJORKSKOLAN);
    const deficiencies = await h.request('GET', `/api/units/${unitId}/deficiencies`, { persona: 'principal-bjork' });
    const deficiencyId = (deficiencies.body['items'] as { id: string; title: string }[]).find((item) => item.title === DEFICIENCY)?.id;
    const actions = await h.request('GET', `/api/units/${unitId}/actions`, { persona: 'principal-bjork' });
    const saved = (actions.body['items'] as { title: string; originKind: string; originId: string; meetingId?: string }[]).find((action) => action.title === 'Rastvärdar vid lunch');
    expect(saved).toMatchObject({ originKind: 'deficiency', originId: deficiencyId, meetingId });
  }, 60_000);

  it('shares the stage view, which shows the results and the action board', async () => {
    await principal.frame.getByRole('button', { name: 'Dela till scenen' }).click();
    await principal.frame.getByText('Delat till scenen.').waitFor({ timeout: 5_000 });
    const shared = await principal.page.evaluate(() => (window as unknown as { __host: { shared: unknown[] } }).__host.shared);
    expect(String(shared[0])).toBe(`${h.url}/stage?meetingId=${meetingId}`);

    const stage = await openSurface(await contextFor('principal-bjork', { width: 1280, height: 900 }), 'meetingStage', `/stage?meetingId=${meetingId}`);
    await stage.frame.getByRole('heading', { name: 'Åtgärdstavlan' }).waitFor({ timeout: 15_000 });
    await stage.frame.getByText('Läsfrämjande insats åk 4 och 5').waitFor({ timeout: 5_000 });
    await stage.frame.getByRole('table').first().waitFor({ timeout: 10_000 });
    expect(await stage.frame.getByRole('button', { name: /Redigera|Ny åtgärd/ }).count()).toBe(0);
    await stage.page.screenshot({ path: path.join(screenshots, 'meeting-stage.png'), fullPage: true });
    expect(await axeViolations(appFrame(stage.page))).toEqual([]);
  }, 60_000);

  it('shows in the details tab a summary that matches what was recorded', async () => {
    const template = await h.request('GET', '/api/follow-up-templates/resultsConference', { persona: 'staff-bjork' });
    const question = (template.body['questions'] as { id: string; kind: string }[]).find((candidate) => candidate.kind === 'text');
    if (!question) throw new Error('the demo template has a text question');
    const answered = await h.request('PUT', `/api/meetings/${meetingId}/responses/me`, {
      persona: 'staff-bjork', body: { answers: [{ questionId: question.id, text: 'Tydligare vem som gör vad' }] },
    });
    expect([200, 201]).toContain(answered.status);
    const details = await openSurface(await contextFor('staff-bjork', { width: 1024, height: 900 }), 'content');
    await details.frame.getByRole('tab', { name: 'Sammanfattning' }).click();
    const summary = details.frame.getByTestId('meeting-summary');
    await summary.waitFor({ timeout: 15_000 });
    const rows = await summary.getByTestId('summary-action').allInnerTexts();
    expect(rows).toHaveLength(3);
    expect(rows.find((row) => row.includes('Rastvärdar vid lunch'))).toContain('Utgår från en brist');
    expect(rows.find((row) => row.includes('Rastvärdar vid lunch'))).toContain(STAFF.name);
    expect(rows.find((row) => row.includes('Läsfrämjande insats åk 4 och 5'))).toContain(STAFF.name);
    expect(rows.find((row) => row.includes('Läsfrämjande insats åk 4 och 5'))).toContain('Klart senast: 29 maj 2026');
    expect(rows.find((row) => row.includes('Kartlägga studiero i åk 5'))).toContain(STAFF.name);
    expect(await summary.getByTestId('summary-decision').allInnerTexts()).toEqual(['Resultat i matematik: Matematiklyftet fortsätter i åk 4–6']);
    await summary.getByText('1 har svarat.').waitFor({ timeout: 5_000 });
    await summary.getByText('Tydligare vem som gör vad').waitFor({ timeout: 5_000 });
    await details.page.screenshot({ path: path.join(screenshots, 'meeting-details.png'), fullPage: true });
    expect(await axeViolations(appFrame(details.page))).toEqual([]);

    await details.frame.getByRole('tab', { name: 'Inför mötet' }).click();
    await details.frame.getByTestId('preparation-pack').waitFor({ timeout: 10_000 });
  }, 60_000);

  it('follows the Teams theme and language: the side panel in dark, in English', async () => {
    const dark = await openSurface(await contextFor('staff-bjork'), 'sidePanel', '/tab', { theme: 'dark', locale: 'en-us' });
    // a fresh context signs in and loads the tab: with another browser file on the other core that can take a while
    await dark.frame.getByRole('heading', { name: 'Actions from the meeting' }).waitFor({ timeout: 30_000 });
    const background = await dark.frame.locator('.fui-FluentProvider').first().evaluate((element) => getComputedStyle(element).backgroundColor);
    const [r = 255, g = 255, b = 255] = (background.match(/\d+/g) ?? []).map(Number);
    expect(r + g + b).toBeLessThan(200);
    await dark.page.screenshot({ path: path.join(screenshots, 'meeting-side-panel-dark.png'), fullPage: true });
    expect(await axeViolations(appFrame(dark.page))).toEqual([]);
  }, 60_000);

  it('posts exactly these actions in the summary card when the bot hears that the meeting ended', async () => {
    connector.setMembers(MEETING_CHAT, [{ id: `29:1${STAFF.userId.replace(/-/g, '')}`, aadObjectId: STAFF.userId, name: STAFF.name }]);
    const response = await fetch(`${h.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(meetingEndActivity({ serviceUrl: connector.url, id: 'meeting-end-browser' })),
    });
    expect(response.status).toBe(200);
    let facts: { title: string; value: string }[] | undefined;
    for (let attempt = 0; attempt < 100 && !facts; attempt++) {
      facts = connector.activitiesIn(MEETING_CHAT).flatMap((recorded) => summaryFacts(recorded.activity))[0];
      if (!facts) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(facts?.map((fact) => fact.title).sort()).toEqual(['Kartlägga studiero i åk 5', 'Läsfrämjande insats åk 4 och 5', 'Rastvärdar vid lunch']);
    expect(facts?.every((fact) => fact.value.includes(STAFF.name))).toBe(true);
  }, 30_000);
});

/**
 * Like the API tests' harness, but with the bot's scheduler running: it is what drains the
 * outbox after a meeting end, as in production.
 */
async function startServer(dir: string): Promise<Harness> {
  const logLines: string[] = [];
  const config = loadConfig({ PORT: '0', MODE: 'local', LOG_LEVEL: 'warn', DATA_DIR: '.data/test-unused' });
  const server = createServer(config, { inMemory: true, tabDir: dir, log: createLogger({ level: 'warn', sink: (line) => logLines.push(line) }) });
  const started = await server.start();
  const tokens = new Map<string, string>();
  const token = async (persona: PersonaId): Promise<string> => {
    const cached = tokens.get(persona);
    if (cached) return cached;
    const response = await fetch(`${started.url}/dev-idp/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ persona }) });
    const body = (await response.json()) as { access_token: string };
    tokens.set(persona, body.access_token);
    return body.access_token;
  };
  return {
    server, started, url: started.url, logLines, token,
    async request(method, target, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.persona) headers['authorization'] = `Bearer ${await token(options.persona)}`;
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${started.url}${target}`, { method, headers, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) });
      const text = await response.text();
      return { status: response.status, headers: response.headers, text, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    },
    async unitId(name) {
      const unit = (await started.store.queryAll('units')).find((candidate) => candidate.fields.name === name);
      if (!unit) throw new Error(`no seeded unit ${name}`);
      return unit.id;
    },
  };
}

/** The FactSets of an activity's Adaptive Cards (the summary card lists actions as facts). */
function summaryFacts(activity: Record<string, unknown>): { title: string; value: string }[][] {
  const attachments = Array.isArray(activity['attachments']) ? (activity['attachments'] as { content?: { body?: unknown[] } }[]) : [];
  return attachments.flatMap((attachment) =>
    (attachment.content?.body ?? [])
      .filter((element): element is { type: string; facts: { title: string; value: string }[] } =>
        typeof element === 'object' && element !== null && (element as { type?: unknown }).type === 'FactSet')
      .map((element) => element.facts),
  );
}
