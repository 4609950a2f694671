/**
 * The wire contract against the real server: every route of `answers` (src/contract/routes.ts) is
 * called, and its answer parsed with the route's schema (strict: a missing, renamed or extra field
 * fails). The last specs check that no JSON route of the router is missing from the contract and
 * that every route of the contract was parsed here.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  BoardRollupSchema, DevPersonasSchema, DevTokenSchema, ImportRejectedProblemSchema,
  OverviewSchema, ProblemSchema, answers, type Answer, type PathParams, type Route,
} from '../../src/contract';
import { PERSONA_USER_IDS } from '../../src/auth/personas';
import { routerToWalk, walkRoutes } from '../../src/api/spec-helpers';
import { BJORKSKOLAN, startHarness, type Harness, type RequestOptions } from './harness';

let h: Harness;
let bjork: string;
const parsed = new Set<Route>();

beforeAll(async () => {
  h = await startHarness();
  bjork = await h.unitId(BJORKSKOLAN);
});
afterAll(async () => {
  await h?.server.stop();
});

interface CallOptions extends RequestOptions {
  /** the query string, with its "?" */
  readonly query?: string;
}

/** A schema's verdict as a message that names the route and every field in error. */
function verdict(label: string, schema: z.ZodType, body: unknown): unknown {
  const result = schema.safeParse(body);
  if (!result.success) throw new Error(`${label} answered outside its contract:\n${z.prettifyError(result.error)}`);
  return result.data;
}

/** Calls a route, expects a 2xx, and parses the answer with the route's schema. */
async function answer<R extends Route>(route: R, params: PathParams<R>, options: CallOptions = {}): Promise<Answer<R>> {
  const [method = '', template = ''] = route.split(' ');
  const values: Record<string, string> = params;
  const path = template.replace(/:(\w+)/g, (_match, name: string) => encodeURIComponent(values[name] ?? ''));
  const response = await h.request(method, `/api${path}${options.query ?? ''}`, options);
  expect(response.status, `${route}: ${response.text}`).toBeGreaterThanOrEqual(200);
  expect(response.status, `${route}: ${response.text}`).toBeLessThan(300);
  const body: unknown = response.text ? JSON.parse(response.text) : undefined;
  const data = verdict(route, answers[route], body);
  parsed.add(route);
  // The schema checked it: this is the route's answer.
  return data as Answer<R>;
}

const etag = (item: { readonly etag: string }) => ({ 'if-match': item.etag });
const schoolYear = '2025/26';

describe('the contract: sign-in and the caller', () => {
  it('GET /config, GET /me and the dev identity provider\'s answers', async () => {
    const config = await answer('GET /config', {});
    expect(config.mode).toBe('local');
    const me = await answer('GET /me', {}, { persona: 'principal-bjork' });
    expect(me.units.map((unit) => unit.unitId)).toContain(bjork);

    const personas = await fetch(`${h.url}${config.devIdp?.personasUrl ?? ''}`);
    expect(verdict('GET /dev-idp/personas', DevPersonasSchema, await personas.json())).not.toHaveLength(0);
    const token = await fetch(`${h.url}${config.devIdp?.tokenUrl ?? ''}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ persona: 'admin' }) });
    verdict('POST /dev-idp/token', DevTokenSchema, await token.json());
  });
});

describe('the contract: units', () => {
  it('lists, reads, edits and binds a unit, and finds it by its channel', async () => {
    const page = await answer('GET /units', {}, { persona: 'admin' });
    expect(page.items.map((unit) => unit.id)).toContain(bjork);
    const unit = await answer('GET /units/:unitId', { unitId: bjork }, { persona: 'principal-bjork' });
    const edited = await answer('PATCH /units/:unitId', { unitId: bjork }, { persona: 'principal-bjork', headers: etag(unit), body: { name: unit.name } });
    expect(edited.etag).not.toBe(unit.etag);
    const bound = await answer('PUT /units/:unitId/channel', { unitId: bjork }, { persona: 'principal-bjork', body: { teamId: 'contract-team', channelId: 'contract-channel' } });
    expect(bound.channelId).toBe('contract-channel');
    const found = await answer('GET /units/by-channel', {}, { persona: 'staff-bjork', query: '?teamId=contract-team&channelId=contract-channel' });
    expect(found.id).toBe(bjork);
  });

  it('answers the overview and the unit\'s people', async () => {
    const overview = await answer('GET /units/:unitId/overview', { unitId: bjork }, { persona: 'principal-bjork', query: `?schoolYear=${schoolYear}` });
    expect(overview.unit.id).toBe(bjork);
    expect(overview.indicators.length).toBeGreaterThan(0);
    const people = await answer('GET /units/:unitId/people', { unitId: bjork }, { persona: 'principal-bjork' });
    expect(people.items.map((person) => person.userId)).toContain(PERSONA_USER_IDS.principalBjork);
  });
});

describe('the contract: setting a municipality up', () => {
  const registerList = readFileSync(new URL('../fixtures/skolverket-register/school-units-9961.json', import.meta.url), 'utf8');

  it('the set-up status, for everyone and with the guide\'s steps for the administration', async () => {
    const forAll = await answer('GET /setup', {}, { persona: 'staff-bjork' });
    expect(forAll.configured).toBe(true);
    expect(forAll.steps).toBeUndefined();
    const forAdministration = await answer('GET /setup', {}, { persona: 'admin', query: `?schoolYear=${schoolYear}` });
    expect(forAdministration.steps?.map((step) => step.step)).toEqual(['units', 'people', 'indicators', 'goals', 'yearWheel']);
  });

  it('units: create, archive, restore; the directory: people and groups by name and by id', async () => {
    const created = await answer('POST /units', {}, { persona: 'admin', body: { name: 'Kontraktets skola', type: 'anpassadGrundskola', schoolUnitCode: '70000001', koladaId: 'V15E999900101' } });
    const archived = await answer('POST /units/:unitId/archive', { unitId: created.id }, { persona: 'admin', headers: etag(created) });
    expect(archived.archivedAt).toBeDefined();
    const restored = await answer('POST /units/:unitId/restore', { unitId: created.id }, { persona: 'admin', headers: etag(archived) });
    expect(restored.archivedAt).toBeUndefined();

    const people = await answer('GET /directory/people', {}, { persona: 'admin', query: '?search=ce' });
    expect(people.items.map((person) => person.userId)).toContain(PERSONA_USER_IDS.principalBjork);
    await answer('GET /directory/people', {}, { persona: 'admin', query: `?ids=${PERSONA_USER_IDS.principalBjork}` });
    const groups = await answer('GET /directory/groups', {}, { persona: 'admin', query: '?search=personal' });
    expect(groups.items.length).toBeGreaterThan(0);
  });

  it('a unit import from the register\'s JSON: the preview, and the commit', async () => {
    const body = { source: { kind: 'file', json: registerList }, defaultType: 'grundskola' };
    const preview = await answer('POST /organizer/unit-imports/preview', {}, { persona: 'admin', body });
    expect(preview.summary).toMatchObject({ from: 'list', units: 13, create: 11, skipped: 2 });
    const result = await answer('POST /organizer/unit-imports', {}, { persona: 'admin', body });
    expect(result.created).toBe(11);
  });
});

describe('the contract: goals, indicators and results', () => {
  it('goals: the organizer\'s goals and areas, a unit goal under an area, the hierarchy, edit, delete', async () => {
    const boardGoal = await answer('POST /goals', {}, { persona: 'admin', body: { level: 'organizer', title: 'Kontraktets nämndmål', schoolYear } });
    const area = await answer('POST /goals', {}, { persona: 'admin', body: { level: 'focusArea', title: 'Kontraktets fokusområde', parentGoalId: boardGoal.id, schoolYear } });
    const organizer = await answer('GET /goals', {}, { persona: 'staff-bjork', query: `?schoolYear=${schoolYear}` });
    expect(organizer.items.map((g) => g.id)).toEqual(expect.arrayContaining([boardGoal.id, area.id]));
    await answer('GET /units/:unitId/goals', { unitId: bjork }, { persona: 'staff-bjork', query: `?schoolYear=${schoolYear}` });
    const goal = await answer('POST /units/:unitId/goals', { unitId: bjork }, { persona: 'principal-bjork', body: { title: 'Kontraktets mål', parentGoalId: area.id, schoolYear } });
    const tree = await answer('GET /units/:unitId/goal-tree', { unitId: bjork }, { persona: 'staff-bjork', query: `?schoolYear=${schoolYear}` });
    const node = tree.organizerGoals.find((n) => n.goal.id === boardGoal.id);
    expect(node?.areas.find((a) => a.goal.id === area.id)?.unitGoals.map((u) => u.goal.id)).toEqual([goal.id]);
    const whole = await answer('GET /organizer/goal-tree', {}, { persona: 'board', query: `?schoolYear=${schoolYear}` });
    expect(whole.organizerGoals.map((n) => n.goal.id)).toContain(boardGoal.id);
    const edited = await answer('PATCH /goals/:id', { id: goal.id }, { persona: 'principal-bjork', headers: etag(goal), body: { description: 'Fler elever når målen i matematik.' } });
    expect(edited.description).toBe('Fler elever når målen i matematik.');
    await answer('DELETE /goals/:id', { id: goal.id }, { persona: 'principal-bjork', headers: etag(edited) });
  });

  it('indicators: list, create, edit, archive, restore; measurements: list, create, correct', async () => {
    await answer('GET /indicators', {}, { persona: 'staff-bjork' });
    const indicator = await answer('POST /indicators', {}, {
      persona: 'admin', body: { name: 'Kontraktets indikator', source: 'survey', unitOfMeasure: 'percent', direction: 'higherIsBetter', koladaKpi: 'u99001', groups: ['Flickor', 'Pojkar'] },
    });
    expect(indicator.koladaKpi).toBe('U99001');
    const edited = await answer('PATCH /indicators/:id', { id: indicator.id }, { persona: 'admin', headers: etag(indicator), body: { target: 80 } });
    expect(edited.target).toBe(80);
    const measurement = await answer('POST /units/:unitId/measurements', { unitId: bjork }, {
      persona: 'principal-bjork', body: { indicatorId: indicator.id, period: `${schoolYear} HT`, value: 71.5 },
    });
    const corrected = await answer('PATCH /measurements/:id', { id: measurement.id }, {
      persona: 'staff-bjork', headers: etag(measurement), body: { value: 72, groups: [{ group: 'Flickor', value: 75 }] },
    });
    expect(corrected).toMatchObject({ value: 72, groups: [{ group: 'Flickor', value: 75 }] });
    const results = await answer('GET /units/:unitId/measurements', { unitId: bjork }, { persona: 'staff-bjork', query: `?indicatorId=${indicator.id}` });
    expect(results.items.map((item) => item.id)).toEqual([measurement.id]);
    const archived = await answer('POST /indicators/:id/archive', { id: indicator.id }, { persona: 'admin', headers: etag(edited) });
    expect(archived.archivedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const restored = await answer('POST /indicators/:id/restore', { id: indicator.id }, { persona: 'admin', headers: etag(archived) });
    expect(restored.archivedOn).toBeUndefined();
  });
});

describe('the contract: the analysis, actions and deficiencies', () => {
  it('analyses: create, read, edit, submit, list; feedback: give, confirm, list', async () => {
    const draft = await answer('POST /units/:unitId/analyses', { unitId: bjork }, { persona: 'principal-bjork', body: { schoolYear: '2026/27', period: '2026/27 2026-09' } });
    const read = await answer('GET /analyses/:id', { id: draft.id }, { persona: 'principal-bjork' });
    const edited = await answer('PATCH /analyses/:id', { id: draft.id }, { persona: 'principal-bjork', headers: etag(read), body: { strengths: ['Studiero'] } });
    const submitted = await answer('POST /analyses/:id/submit', { id: draft.id }, { persona: 'principal-bjork', headers: etag(edited) });
    expect(submitted.status).toBe('submitted');
    await answer('GET /units/:unitId/analyses', { unitId: bjork }, { persona: 'principal-bjork' });
    await answer('GET /units/:unitId/analysis-support', { unitId: bjork }, { persona: 'staff-bjork', query: '?period=2026%2F27%20HT' });

    const feedback = await answer('POST /units/:unitId/feedback', { unitId: bjork }, { persona: 'admin', body: { analysisId: draft.id, text: 'Tydliga styrkor.' } });
    const confirmed = await answer('POST /feedback/:id/read', { id: feedback.id }, { persona: 'principal-bjork' });
    expect(confirmed.readBy).toBe(PERSONA_USER_IDS.principalBjork);
    await answer('GET /units/:unitId/feedback', { unitId: bjork }, { persona: 'staff-bjork' });
  });

  it('actions: create, read, edit, list (the unit\'s and my own)', async () => {
    const analyses = await answer('GET /units/:unitId/analyses', { unitId: bjork }, { persona: 'principal-bjork' });
    const origin = analyses.items[0];
    if (!origin) throw new Error('the seed has no analysis at Björkskolan');
    const action = await answer('POST /units/:unitId/actions', { unitId: bjork }, {
      persona: 'principal-bjork',
      body: { title: 'Kontraktets åtgärd', ownerId: PERSONA_USER_IDS.staffBjork, ownerName: 'Elin Berg', dueDate: '2027-05-01', originKind: 'analysis', originId: origin.id },
    });
    const read = await answer('GET /actions/:id', { id: action.id }, { persona: 'staff-bjork' });
    const patched = await answer('PATCH /actions/:id', { id: action.id }, { persona: 'staff-bjork', headers: etag(read), body: { status: 'inProgress' } });
    const commented = await answer('POST /actions/:id/comments', { id: action.id }, { persona: 'staff-bjork', headers: etag(patched), body: { text: 'Igång' } });
    expect(commented.comments).toMatchObject([{ text: 'Igång', authorName: 'Elin Berg' }]);
    await answer('GET /units/:unitId/actions', { unitId: bjork }, { persona: 'staff-bjork', query: '?filter=open' });
    const mine = await answer('GET /my/actions', {}, { persona: 'staff-bjork' });
    expect(mine.items.map((item) => item.id)).toContain(action.id);
  });

  it('deficiencies: create, edit, list, the unit\'s register and the organizer\'s', async () => {
    const deficiency = await answer('POST /units/:unitId/deficiencies', { unitId: bjork }, {
      persona: 'principal-bjork', body: { title: 'Kontraktets brist', source: 'inspection', caseNumber: 'SI 2026:1234', foundOn: '2026-11-02' },
    });
    await answer('PATCH /deficiencies/:id', { id: deficiency.id }, { persona: 'principal-bjork', headers: etag(deficiency), body: { deadline: '2027-02-01' } });
    await answer('GET /units/:unitId/deficiencies', { unitId: bjork }, { persona: 'staff-bjork' });
    const register = await answer('GET /units/:unitId/deficiency-register', { unitId: bjork }, { persona: 'staff-bjork', query: '?source=inspection&status=open' });
    expect(register.items.find((entry) => entry.deficiency.id === deficiency.id)).toMatchObject({ withoutAction: true, closeBlocker: 'deficiencyWithoutAction' });
    const all = await answer('GET /organizer/deficiencies', {}, { persona: 'board', query: '?withoutAction=true' });
    expect(all.items.map((entry) => entry.deficiency.id)).toContain(deficiency.id);
  });
});

describe('the contract: meetings and follow-up', () => {
  let meetingId: string;

  it('meetings: create, read, edit, list, by Teams id, link', async () => {
    const meeting = await answer('POST /units/:unitId/meetings', { unitId: bjork }, {
      persona: 'principal-bjork',
      body: {
        type: 'resultsConference', title: 'Kontraktets resultatkonferens', startsAt: '2027-03-10T13:00:00+01:00', schoolYear: '2026/27',
        participants: [{ role: 'staff', userId: PERSONA_USER_IDS.staffBjork, displayName: 'Elin Berg' }], agenda: [{ id: '1', title: 'Resultat' }],
      },
    });
    meetingId = meeting.id;
    const read = await answer('GET /meetings/:id', { id: meetingId }, { persona: 'staff-bjork' });
    await answer('PATCH /meetings/:id', { id: meetingId }, { persona: 'principal-bjork', headers: etag(read), body: { title: 'Kontraktets konferens' } });
    await answer('GET /units/:unitId/meetings', { unitId: bjork }, { persona: 'staff-bjork' });

    const linked = await answer('POST /meetings/link', {}, {
      persona: 'principal-bjork', body: { teamsMeetingId: 'contract-teams-meeting', unitId: bjork, type: 'workshop', title: 'Kontraktets workshop', startsAt: '2027-01-20T09:00:00+01:00' },
    });
    const found = await answer('GET /meetings/by-teams-id/:teamsMeetingId', { teamsMeetingId: 'contract-teams-meeting' }, { persona: 'staff-bjork' });
    expect(found.id).toBe(linked.id);
  });

  it('the live meeting: state, agenda, decisions, participation', async () => {
    const live = await answer('GET /meetings/:id/live', { id: meetingId }, { persona: 'principal-bjork' });
    const first = live.meeting.agenda[0];
    if (!first) throw new Error('the meeting has no agenda item');
    const added = await answer('POST /meetings/:id/agenda', { id: meetingId }, { persona: 'principal-bjork', body: { title: 'Analys' } });
    expect(added.version).not.toBe('');
    await answer('PATCH /meetings/:id/agenda/:itemId', { id: meetingId, itemId: first.id }, { persona: 'principal-bjork', headers: { 'if-match': `"${first.version}"` }, body: { notes: 'Läsningen lyfte.' } });
    await answer('POST /meetings/:id/agenda/:itemId/decisions', { id: meetingId, itemId: first.id }, { persona: 'principal-bjork', body: { text: 'Fortsätt med lässtrategierna.' } });
    const recorded = await answer('PUT /meetings/:id/participants', { id: meetingId }, { persona: 'principal-bjork', body: { participant: { role: 'pupils', count: 12 } } });
    expect(recorded.participants.some((p) => p.role === 'pupils')).toBe(true);
    const removed = await answer('DELETE /meetings/:id/participants/:key', { id: meetingId, key: 'role:pupils' }, { persona: 'principal-bjork' });
    expect(removed.participants.some((p) => p.role === 'pupils')).toBe(false);
  });

  it('follow-up: templates, an answer, the meeting\'s responses, the unit\'s answers, my follow-ups', async () => {
    const template = await answer('GET /follow-up-templates/:meetingType', { meetingType: 'resultsConference' }, { persona: 'staff-bjork' });
    await answer('GET /follow-up-templates', {}, { persona: 'staff-bjork' });
    await answer('POST /follow-up-templates', {}, {
      persona: 'admin', body: { meetingType: 'workshop', questions: [{ id: 'learned', sv: 'Vad tar du med dig?', en: 'What do you take with you?', kind: 'text' }] },
    });
    // the questions before the meeting too, and a question without English
    const both = await answer('POST /follow-up-templates', {}, {
      persona: 'admin', body: {
        meetingType: 'workshop',
        beforeQuestions: [{ id: 'before-1', sv: 'Vad vill du ta upp?', kind: 'text' }],
        questions: [{ id: 'learned', sv: 'Vad tar du med dig?', kind: 'text' }],
      },
    });
    expect(both.beforeQuestions).toEqual([{ id: 'before-1', sv: 'Vad vill du ta upp?', kind: 'text' }]);
    expect((await answer('GET /follow-up-templates/:meetingType', { meetingType: 'workshop' }, { persona: 'staff-bjork' })).beforeQuestions?.[0]?.sv).toBe('Vad vill du ta upp?');
    await answer('GET /my/follow-ups', {}, { persona: 'staff-bjork' });
    const question = template.questions[0];
    if (!question) throw new Error('the template has no question');
    const given = question.kind === 'scale' ? { questionId: question.id, scale: 3 } : { questionId: question.id, text: 'Tydligare mål.' };
    await answer('PUT /meetings/:id/responses/me', { id: meetingId }, { persona: 'staff-bjork', body: { answers: [given] } });
    const responses = await answer('GET /meetings/:id/responses', { id: meetingId }, { persona: 'principal-bjork' });
    expect(responses.items.map((response) => response.respondentId)).toEqual([PERSONA_USER_IDS.staffBjork]);
    const summary = await answer('GET /units/:unitId/follow-up-answers', { unitId: bjork }, { persona: 'principal-bjork', query: '?schoolYear=2026/27' });
    expect(summary.items.find((item) => item.meetingId === meetingId)?.respondents).toBe(1);
  });
});

describe('the contract: the year wheel', () => {
  it('lists, creates, edits and deletes activities, and makes a meeting of one', async () => {
    await answer('GET /year-wheel', {}, { persona: 'staff-bjork', query: `?schoolYear=${schoolYear}` });
    const activity = await answer('POST /year-wheel', {}, {
      persona: 'principal-bjork', body: { title: 'Kontraktets kvalitetsdialog', kind: 'qualityDialogue', schoolYear: '2026/27', date: '2027-02-15', unitId: bjork },
    });
    const edited = await answer('PATCH /year-wheel/:id', { id: activity.id }, { persona: 'principal-bjork', headers: etag(activity), body: { remindDaysBefore: 7 } });
    const meeting = await answer('POST /year-wheel/:id/meeting', { id: activity.id }, { persona: 'principal-bjork', body: {} });
    expect(meeting.yearWheelActivityId).toBe(activity.id);
    await answer('DELETE /year-wheel/:id', { id: activity.id }, { persona: 'principal-bjork', headers: etag(edited) });
  });
});

describe('the contract: other units', () => {
  it('Andra enheter: other units\' published work and whom to ask, searched by focus area and indicator', async () => {
    const all = await answer('GET /other-units', {}, { persona: 'principal-lind' });
    expect(all.units.map((unit) => unit.unitId)).toContain(bjork);
    const area = all.focusAreas[0];
    if (!area) throw new Error('the seed has focus areas');
    await answer('GET /other-units', {}, { persona: 'admin', query: `?schoolYear=${encodeURIComponent(all.schoolYear)}&focusAreaId=${area.focusAreaId}` });
  });
});

describe('the contract: the organizer level', () => {
  const goodFile = 'Skolenhetskod;Skolenhet;Läsår;Närvaro\n91234501;Björkskolan F–6;2019/20;92,5\n91234503;Lindgymnasiet;2019/20;90,5\n';

  it('the roll-up, for the administration and, without action owners, for the board', async () => {
    const full = await answer('GET /organizer/rollup', {}, { persona: 'admin', query: `?schoolYear=${schoolYear}` });
    expect(full.units.length).toBeGreaterThan(0);
    const board = await answer('GET /organizer/rollup', {}, { persona: 'board', query: `?schoolYear=${schoolYear}` });
    verdict('GET /organizer/rollup (board)', BoardRollupSchema, board);
  });

  it('an import: the preview, the commit (202, its job), the job as it goes, the list, and the problem of a file in error', async () => {
    const preview = await answer('POST /organizer/imports/preview', {}, { persona: 'admin', body: { kind: 'skolverket', csv: goodFile } });
    expect(preview.summary).toMatchObject({ create: 2, minutes: 1 });
    const queued = await answer('POST /organizer/imports', {}, { persona: 'admin', body: { kind: 'skolverket', csv: goodFile } });
    expect(queued).toMatchObject({ state: 'queued', total: 2 });
    let job = queued;
    for (let poll = 0; poll < 600 && job.state !== 'done' && job.state !== 'failed'; poll++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      job = await answer('GET /organizer/imports/:id', { id: queued.id }, { persona: 'admin' });
    }
    expect(job).toMatchObject({ state: 'done', created: 2, written: 2 });
    const list = await answer('GET /organizer/imports', {}, { persona: 'admin' });
    expect(list.items[0]?.id).toBe(queued.id);

    const refused = await h.request('POST', '/api/organizer/imports', { persona: 'admin', body: { kind: 'skolverket', csv: 'Skolenhetskod;Läsår;Närvaro\n00000000;2019/20;abc\n' } });
    expect(refused.status).toBe(400);
    verdict('a refused import', ImportRejectedProblemSchema, JSON.parse(refused.text));
  });
});

describe('the contract: problems', () => {
  it('answers every error as a problem', async () => {
    const missing = await h.request('GET', '/api/actions/999999', { persona: 'admin' });
    expect(missing.status).toBe(404);
    verdict('a missing action', ProblemSchema, JSON.parse(missing.text));
  });
});

describe('the contract itself', () => {
  it('names every route of the router that answers JSON', () => {
    // The bot answers itself (Bot Framework), and both quality reports are .docx files.
    const notJson = new Set(['POST /messages', 'GET /organizer/report.docx', 'GET /units/:unitId/report.docx']);
    const routes = walkRoutes(routerToWalk()).flatMap((route) => route.methods.map((method) => `${method.toUpperCase()} ${route.path}`));
    expect(routes.filter((route) => !notJson.has(route) && !(route in answers))).toEqual([]);
    expect(Object.keys(answers).filter((route) => !routes.includes(route))).toEqual([]);
  });

  it('had every route\'s answer parsed by the specs above', () => {
    expect(Object.keys(answers).filter((route) => !parsed.has(route as Route))).toEqual([]);
  });

  it('refuses an answer with a renamed field, a missing one or one it does not know', () => {
    const overview = {
      unit: { id: '1', etag: '"1,1"', createdAt: '2026-09-01T08:00:00Z', modifiedAt: '2026-09-01T08:00:00Z', name: 'Björkskolan F–6', type: 'grundskola', schoolUnitCode: '91234501', principalIds: [] },
      schoolYear,
      cycle: { schoolYear, phases: { followUp: 'done', analysis: 'inProgress', planning: 'notStarted', implementation: 'notStarted' }, current: 'analysis' },
      goals: [], indicators: [], latestMeasurements: [], openActions: [], overdueActions: [], nextMeetings: [], nextActivities: [], openDeficiencies: [],
    };
    expect(OverviewSchema.safeParse(overview).success).toBe(true);
    const { openActions, ...withoutOpenActions } = overview;
    const renamed = OverviewSchema.safeParse({ ...withoutOpenActions, openAction: openActions });
    expect(renamed.success).toBe(false);
    expect(renamed.error?.issues.map((issue) => issue.path.join('.') || issue.code)).toEqual(expect.arrayContaining(['openActions', 'unrecognized_keys']));
    const { etag: _etag, ...unitWithoutEtag } = overview.unit;
    expect(OverviewSchema.safeParse({ ...overview, unit: unitWithoutEtag }).error?.issues[0]?.path).toEqual(['unit', 'etag']);
  });
});
