/**
 * A meeting leaves a record, in a real browser against the real server with the bot's scheduler
 * running: decisions and notes recorded in the side panel, Teams' participant events and the
 * meeting's end sent to the bot over HTTP (as Teams would), the summary card and the follow-up
 * cards at a local fake connector, then Möten and Mina åtgärder in the tab.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEETING_CHAT, TEAMS_MEETING_ID } from '../../bot/testing/fixtures';
import { startFakeConnector, type FakeConnector } from '../../bot/testing/fake-connector';
import type { Me } from '../../src/contract';
import { endMeeting, expectFollowUpsOnly } from './bot-events';
import { appFrame, axeViolations, meetingHostPage, screenshotDir, signIn, skipReason, startBrowserHarness, switchHostTheme, type BrowserHarness } from './harness';

const skip = skipReason({ CI: process.env.CI });
if (skip) console.warn(skip);

const PRINCIPAL = { persona: 'principal-bjork', name: 'Cecilia Ek', userId: '1a000000-0000-4000-8000-000000000003' };
const STAFF = { persona: 'staff-bjork', name: 'Elin Berg', userId: '1a000000-0000-4000-8000-000000000005' };
const TITLE = 'Resultatkonferens med protokoll';
const DECISION = 'Matematiklyftet fortsätter i åk 4–6';
const NOTES = 'Flickorna ökar mer än pojkarna i åk 5.';

describe.skipIf(skip !== null)('a meeting leaves a record', () => {
  let h: BrowserHarness;
  let connector: FakeConnector;
  let unitId: string;
  let meetingId: string;

  beforeAll(async () => {
    h = await startBrowserHarness({ botScheduler: true });
    connector = await startFakeConnector();
    await mkdir(screenshotDir, { recursive: true });
    const me = await h.api<Me>(PRINCIPAL.persona, 'GET', '/api/me');
    const unit = me.units.find((u) => u.roles.includes('principal') && u.name.startsWith('Björkskolan F'));
    if (!unit) throw new Error('the demo seed has Björkskolan F–6 with Cecilia Ek as principal');
    unitId = unit.unitId;
    const linked = await h.api<{ id: string; agenda: { title: string }[] }>(PRINCIPAL.persona, 'POST', '/api/meetings/link', {
      teamsMeetingId: TEAMS_MEETING_ID, chatId: MEETING_CHAT, unitId, type: 'resultsConference', title: TITLE, startsAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    meetingId = linked.id;
    // a newly linked meeting starts with its type's agenda
    expect(linked.agenda.map((item) => item.title)[0]).toBe('Resultat sedan förra konferensen');
  }, 180_000);

  afterAll(async () => {
    await connector?.close();
    await h?.close();
  });

  it('records a decision and notes in the side panel, and an action owned by the teacher', async () => {
    const { context, page } = await h.newPage({ width: 360, height: 900 });
    const hostHtml = meetingHostPage();
    await context.route(`${h.url}/__meeting-host**`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: hostHtml }));
    const query = new URLSearchParams({ frameContext: 'sidePanel', meetingId: TEAMS_MEETING_ID, chatId: MEETING_CHAT, src: '/tab' });
    await page.goto(`${h.url}/__meeting-host?${query.toString()}`);
    const frame = page.frameLocator('iframe#app');
    await frame.getByRole('button', { name: `Logga in som ${PRINCIPAL.name}` }).click();
    const first = frame.getByTestId('agenda-a1');
    await first.getByLabel('Nytt beslut: Resultat sedan förra konferensen').fill(DECISION);
    await first.getByRole('button', { name: 'Lägg till beslut' }).click();
    await first.getByText(DECISION).waitFor();
    await first.getByLabel('Anteckningar: Resultat sedan förra konferensen').fill(NOTES);
    await first.getByRole('button', { name: 'Spara anteckningar' }).click();
    await first.getByText('Sparat').waitFor();

    await h.api(PRINCIPAL.persona, 'POST', `/api/units/${unitId}/actions`, {
      title: 'Läsfrämjande insats åk 4', ownerId: STAFF.userId, ownerName: STAFF.name, dueDate: '2026-05-29', originKind: 'meeting', originId: meetingId, meetingId,
    });
    const meeting = await h.api<{ agenda: { id: string; decisions?: string[]; notes?: string }[] }>(PRINCIPAL.persona, 'GET', `/api/meetings/${meetingId}`);
    expect(meeting.agenda[0]).toMatchObject({ decisions: [DECISION], notes: NOTES });
  }, 60_000);

  it('sends the follow-up questions only to those who joined, and the summary lists the decisions, then the actions', async () => {
    // the chat has both; only the teacher joined the meeting
    const summary = await endMeeting(h, connector, { members: [PRINCIPAL, STAFF], joined: [STAFF], id: 'meeting-end-record' });
    const at = (needle: string) => summary.findIndex((text) => text.includes(needle));
    expect(summary[at('Beslut') + 1]).toBe(`Resultat sedan förra konferensen: ${DECISION}`);
    expect(at('Åtgärder från mötet')).toBeGreaterThan(at(DECISION));
    expect(summary[at('Läsfrämjande insats åk 4')]).toContain(`Ansvarig: ${STAFF.name}`);
    expect(summary).toContain('Uppföljningsfrågorna skickades till 1 som deltog i mötet.');

    // the principal was in the chat but never joined: no follow-up card
    await expectFollowUpsOnly(connector, { to: [STAFF], notTo: [PRINCIPAL] });
  }, 60_000);

  it('shows the meeting\'s record in Möten, accessible at 1280 and 375 px in light, dark and high contrast', async () => {
    const { page } = await h.newPage();
    await page.goto(`${h.url}/tab?unitId=${unitId}&view=meetings`);
    await signIn(page, PRINCIPAL.name);
    const record = await openRecord(page);
    expect(await record.getByTestId('summary-decision').allInnerTexts()).toEqual([`Resultat sedan förra konferensen: ${DECISION}`]);
    expect(await record.getByTestId('summary-note').innerText()).toBe(`Resultat sedan förra konferensen\n${NOTES}`);
    expect(await record.getByTestId('summary-joined').innerText()).toBe('1 anslöt till Teams-mötet.');
    expect(await record.getByTestId('summary-action').innerText()).toContain(`Läsfrämjande insats åk 4 · Ansvarig: ${STAFF.name}`);
    expect(await page.getByRole('button', { name: new RegExp(TITLE) }).innerText()).toContain('Väntar på svar');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(screenshotDir, 'meeting-record.png'), fullPage: true });

    await page.setViewportSize({ width: 375, height: 800 });
    expect(await axeViolations(page)).toEqual([]);

    const hosted = (await h.newPage()).page;
    await hosted.goto(`${h.url}/__teams-host?frameContext=content&theme=dark&entityId=${unitId}&src=${encodeURIComponent(`/tab?unitId=${unitId}&view=meetings`)}`);
    const frame = appFrame(await frameReady(hosted));
    await signIn(frame, PRINCIPAL.name);
    await openRecord(frame);
    expect(await axeViolations(frame)).toEqual([]);
    await switchHostTheme(hosted, 'contrast');
    expect(await axeViolations(frame)).toEqual([]);
  }, 90_000);

  it('lists the unanswered follow-up in Mina åtgärder for the teacher who joined', async () => {
    const { page } = await h.newPage();
    await page.goto(`${h.url}/?view=my-actions`);
    await signIn(page, STAFF.name);
    await page.getByTestId('my-actions').waitFor();
    const followUps = page.getByRole('region', { name: 'Mina obesvarade uppföljningsfrågor' });
    await followUps.getByText(TITLE).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);
});

/** Opens the meeting's row in Möten and answers its record. */
async function openRecord(target: Page | Frame) {
  await target.getByTestId('meetings').waitFor();
  await target.getByRole('button', { name: new RegExp(TITLE) }).click();
  const record = target.getByTestId('meeting-summary');
  await record.waitFor();
  return record;
}

async function frameReady(page: Page): Promise<Page> {
  await page.frameLocator('iframe#app').getByRole('button', { name: `Logga in som ${PRINCIPAL.name}` }).waitFor();
  return page;
}
