/**
 * One valid request for every write route of the API, on Björkskolan (or the organizer's level),
 * with who may make it and who must be refused. The attack walks (api-route-walk, api-personnummer)
 * take the routes from the router itself and fail when a write route has no entry here, so a new
 * route is walked from the day it exists.
 */
import { PERSONA_USER_IDS, type PersonaId } from '../../src/auth/personas';
import { legitimate } from '../../src/domain/testing/personal-identity-corpus';
import { lists, type Entities, type ListKey } from '../../src/lists/lists';
import type { StoredItem } from '../../src/store/port';
import { BJORKSKOLAN, importEnded, startHarness, type Harness, type TestResponse } from '../api/harness';

/** A request ready to send: its path, body and (for updates and deletes) the eTag it must carry. */
export interface Prepared {
  readonly path: string;
  readonly body?: unknown;
  readonly ifMatch?: string;
}

export interface WalkContext {
  readonly h: Harness;
  /** Björkskolan, whose things the requests change */
  readonly unitId: string;
  /** its skolenhetskod */
  readonly schoolUnitCode: string;
}

export interface WriteRoute {
  /** who may make this write (the control) */
  readonly allowed: PersonaId;
  /** who must be refused: 403 or 404, and nothing stored */
  readonly refused: readonly PersonaId[];
  /** a fresh request: things it changes are made new for it, so every call is valid on its own */
  prepare(c: WalkContext): Promise<Prepared>;
  /** the body's string fields whose shape is fixed (ids, choices, dates): every other string field is free text */
  readonly fixed: readonly string[];
  /** waits until what the allowed write started in the background is over (an import's job), so the next snapshot is still */
  settle?(c: WalkContext, response: TestResponse): Promise<void>;
}

/** People of other units, and the board: none of them writes in Björkskolan. */
const otherUnits: readonly PersonaId[] = ['staff-lind', 'principal-lind', 'staff-ekbacken', 'board'];
/** Everyone but the administration: the organizer's level is its to write. */
const notAdministration: readonly PersonaId[] = ['principal-bjork', 'staff-bjork', 'principal-lind', 'board'];
const admin = { actor: PERSONA_USER_IDS.admin };
let counter = 0;
const next = (): number => ++counter;

/** A new item written straight to the store, as the administration: a thing for one request to change. */
function fresh<K extends keyof Entities & string>(c: WalkContext, list: K, fields: Entities[K]): Promise<StoredItem<Entities[K]>> {
  return c.h.started.store.create(list, fields, admin);
}

/** An organizer goal (nämndmål) of 2026/27: what a unit goal stands under. */
const boardGoal = (c: WalkContext) => fresh(c, 'goals', { title: 'Alla elever når målen', level: 'organizer', schoolYear: '2026/27' });
const goal = async (c: WalkContext) => fresh(c, 'goals', { title: 'Läsförmåga', level: 'unit', unitId: c.unitId, parentGoalId: (await boardGoal(c)).id, schoolYear: '2026/27' });
const draft = (c: WalkContext) => fresh(c, 'analyses', {
  unitId: c.unitId, schoolYear: '2026/27', period: '2026/27 HT', status: 'draft', strengths: [], areasToDevelop: [], measurementIds: [], goalIds: [], participants: [],
});
const meeting = (c: WalkContext, more: Partial<Entities['meetings']> = {}) => fresh(c, 'meetings', {
  type: 'resultsConference', title: 'Resultatkonferens', unitId: c.unitId, startsAt: '2027-03-10T12:00:00Z', schoolYear: '2026/27', participants: [], agenda: [], ...more,
});
const activity = (c: WalkContext) => fresh(c, 'yearWheel', { title: 'Workshop', kind: 'workshop', schoolYear: '2026/27', date: '2027-04-01', unitId: c.unitId });
/** A skolenhetskod no unit has: eight digits. */
const freeCode = (): string => `7${String(next()).padStart(7, '0')}`;
/**
 * A unit of its own, so that archiving or restoring it leaves Björkskolan as it is: created (and
 * archived) through the API, as the administration does, so that who may see it is known at once.
 */
async function aUnit(c: WalkContext, archived = false): Promise<{ id: string; etag: string }> {
  const created = await c.h.request('POST', '/api/units', { persona: 'admin', body: { name: `Walkskolan ${next()}`, type: 'grundskola', schoolUnitCode: freeCode() } });
  const unit = { id: String(created.body['id']), etag: String(created.body['etag']) };
  if (!archived) return unit;
  const done = await c.h.request('POST', `/api/units/${unit.id}/archive`, { persona: 'admin', headers: { 'if-match': unit.etag } });
  return { id: unit.id, etag: String(done.body['etag']) };
}
/** Skolverket's register's list answer with one new unit, as a file. */
const registerFile = (): string => JSON.stringify({ data: { type: 'schoolunit', attributes: [{ schoolUnitCode: freeCode(), name: `Registerskolan ${next()}`, status: 'AKTIV' }] } });
const indicator = (c: WalkContext) => fresh(c, 'indicators', { name: 'Läsförståelse', source: 'other', unitOfMeasure: 'percent', direction: 'higherIsBetter', groups: ['Flickor'] });

/** A Kolada file with one result for Björkskolan, of an indicator that names its Kolada KPI (made once). */
async function koladaFile(c: WalkContext): Promise<string> {
  const kpi = 'N15419';
  const found = await c.h.started.store.queryAll('indicators', { filter: [{ field: 'koladaKpi', op: 'eq', value: kpi }] });
  if (found.length === 0) await fresh(c, 'indicators', { name: 'Läsförståelse åk 6', source: 'other', unitOfMeasure: 'percent', direction: 'higherIsBetter', koladaKpi: kpi });
  return `kpi;ou;period;value\n${kpi};${c.schoolUnitCode};2027;81,5\n`;
}

/** A school year and one of its months no analysis of Björkskolan has: a unit has one analysis a period. */
async function freePeriod(c: WalkContext): Promise<{ schoolYear: string; period: string }> {
  const taken = new Set((await c.h.started.store.queryAll('analyses', { filter: [{ field: 'unitId', op: 'eq', value: c.unitId }] })).map((a) => a.fields.period));
  for (let start = 2030; start < 2100; start++) {
    const schoolYear = `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
    for (const month of ['08', '09', '10', '11', '12', '01', '02', '03', '04', '05']) {
      const period = `${schoolYear} ${month < '08' ? start + 1 : start}-${month}`;
      if (!taken.has(period)) return { schoolYear, period };
    }
  }
  throw new Error('no free period left for the walk');
}

async function anAnalysis(c: WalkContext): Promise<string> {
  const analyses = await c.h.started.store.queryAll('analyses', { filter: [{ field: 'unitId', op: 'eq', value: c.unitId }] });
  const found = analyses[0];
  if (!found) throw new Error('the seed has analyses');
  return found.id;
}

async function questionOf(c: WalkContext, type: string): Promise<string> {
  const template = await c.h.request('GET', `/api/follow-up-templates/${type}`, { persona: 'admin' });
  return String((template.body['questions'] as { id: string }[])[0]?.id);
}

/** The meeting's agenda item `p1` and its version, as the side panel reads them. */
async function agendaItem(c: WalkContext): Promise<{ id: string; version: string }> {
  const created = await meeting(c, { agenda: [{ id: 'p1', title: 'Resultat' }] });
  const live = await c.h.request('GET', `/api/meetings/${created.id}/live`, { persona: 'admin' });
  const item = (live.body['meeting'] as { agenda: { id: string; version: string }[] }).agenda[0];
  return { id: created.id, version: item?.version ?? '' };
}

export const writeRoutes: Readonly<Record<string, WriteRoute>> = {
  'patch /units/:unitId': {
    allowed: 'principal-bjork', refused: otherUnits, fixed: [],
    prepare: async (c) => ({ path: `/api/units/${c.unitId}`, body: { name: 'Björkskolan F–6' }, ifMatch: (await c.h.started.store.get('units', c.unitId)).etag }),
  },
  'post /units': {
    allowed: 'admin', refused: notAdministration, fixed: ['type', 'schoolUnitCode'],
    prepare: async () => ({ path: '/api/units', body: { name: 'Walkskolan', type: 'grundskola', schoolUnitCode: freeCode() } }),
  },
  'post /units/:unitId/archive': {
    allowed: 'admin', refused: notAdministration, fixed: [],
    prepare: async (c) => {
      const unit = await aUnit(c);
      return { path: `/api/units/${unit.id}/archive`, ifMatch: unit.etag };
    },
  },
  'post /units/:unitId/restore': {
    allowed: 'admin', refused: notAdministration, fixed: [],
    prepare: async (c) => {
      const unit = await aUnit(c, true);
      return { path: `/api/units/${unit.id}/restore`, ifMatch: unit.etag };
    },
  },
  'put /units/:unitId/channel': {
    allowed: 'principal-bjork', refused: otherUnits, fixed: ['teamId', 'channelId'],
    prepare: async (c) => ({ path: `/api/units/${c.unitId}/channel`, body: { teamId: 'walk-team', channelId: `19:walk-${next()}@thread.tacv2` } }),
  },
  'post /units/:unitId/goals': {
    allowed: 'principal-bjork', refused: otherUnits, fixed: ['schoolYear', 'parentGoalId'],
    prepare: async (c) => ({ path: `/api/units/${c.unitId}/goals`, body: { title: 'Höjd läsförmåga', description: 'Alla läser', schoolYear: '2026/27', parentGoalId: (await boardGoal(c)).id } }),
  },
  'post /goals': {
    allowed: 'admin', refused: notAdministration, fixed: ['level', 'schoolYear'],
    prepare: async () => ({ path: '/api/goals', body: { level: 'organizer', title: 'Trygga lärmiljöer', description: 'För alla', schoolYear: '2026/27' } }),
  },
  'patch /goals/:id': {
    allowed: 'principal-bjork', refused: otherUnits, fixed: [],
    prepare: async (c) => {
      const item = await goal(c);
      return { path: `/api/goals/${item.id}`, body: { title: 'Höjd läsförmåga', description: 'Alla läser' }, ifMatch: item.etag };
    },
  },
  'delete /goals/:id': {
    allowed: 'principal-bjork', refused: otherUnits, fixed: [],
    prepare: async (c) => {
      const item = await goal(c);
      return { path: `/api/goals/${item.id}`, ifMatch: item.etag };
    },
  },
  'post /indicators': {
    allowed: 'admin', refused: notAdministration, fixed: ['source', 'unitOfMeasure', 'direction'],
    prepare: async () => ({ path: '/api/indicators', body: { name: 'Läsförståelse', description: 'Andel', source: 'other', unitOfMeasure: 'percent', direction: 'higherIsBetter' } }),
  },
  'patch /indicators/:id': {
    allowed: 'admin', refused: notAdministration, fixed: [],
    prepare: async (c) => {
      const item = await indicator(c);
      return { path: `/api/indicators/${item.id}`, body: { name: 'Läsförståelse åk 3', description: 'Andel' }, ifMatch: item.etag };
    },
  },
  'post /indicators/:id/archive': {
    allowed: 'admin', refused: notAdministration, fixed: [],
    prepare: async (c) => {
      const item = await indicator(c);
      return { path: `/api/indicators/${item.id}/archive`, ifMatch: item.etag };
    },
  },
  'post /indicators/:id/restore': {
    allowed: 'admin', refused: notAdministration, fixed: [],
    prepare: async (c) => {
      const item = await fresh(c, 'indicators', { name: 'Läsförståelse', source: 'other', unitOfMeasure: 'percent', direction: 'higherIsBetter', archivedOn: '2026-08-20' });
      return { path: `/api/indicators/${item.id}/restore`, ifMatch: item.etag };
    },
  },
  'patch /measurements/:id': {
    allowed: 'staff-bjork', refused: otherUnits, fixed: [],
    prepare: async (c) => {
      const item = await fresh(c, 'measurements', { indicatorId: (await indicator(c)).id, unitId: c.unitId, period: '2026/27 HT', schoolYear: '2026/27', value: 40 });
      return { path: `/api/measurements/${item.id}`, body: { value: 41 }, ifMatch: item.etag };
    },
  },
  'post /units/:unitId/measurements': {
    allowed: 'principal-bjork', refused: otherUnits, fixed: ['indicatorId', 'period'],
    prepare: async (c) => {
      // a result's groups are its indicator's: this one is also broken down by the text the personnummer walk takes in the group's place
      const item = await fresh(c, 'indicators', { name: 'Läsförståelse', source: 'other', unitOfMeasure: 'percent', direction: 'higherIsBetter', groups: ['Flickor', legitimate[0] ?? ''] });
      return { path: `/api/units/${c.unitId}/measurements`, body: { indicatorId: item.id, period: '2026/27', value: 42, groups: [{ group: 'Flickor', value: 40 }] } };
    },
  },
  'post /units/:unitId/analyses': {
    allowed: 'principal-bjork', refused: otherUnits, fixed: ['schoolYear', 'period', 'participants.0.role'],
    prepare: async (c) => ({
      path: `/api/units/${c.unitId}/analyses`,
      body: {
        ...(await freePeriod(c)), followUp: 'Resultaten ökar', causes: 'Mer läsning', direction: 'Fler läser', approach: 'Läsgrupper', evaluation: 'Bra',
        strengths: ['Studiero'], areasToDevelop: ['Läsning'], participants: [{ role: 'teacher', displayName: 'Farid Haddad' }],
      },
    }),
  },
  'patch /analyses/:id': {
    allowed: 'principal-bjork', refused: otherUnits, fixed: [],
    prepare: async (c) => {
      const item = await draft(c);
      return { path: `/api/analyses/${item.id}`, body: { followUp: 'Resultaten ökar', causes: 'Mer läsning', strengths: ['Studiero'], areasToDevelop: ['Läsning'] }, ifMatch: item.etag };
    },
  },
  'post /analyses/:id/submit': {
    allowed: 'principal-bjork', refused: otherUnits, fixed: [],
    prepare: async (c) => {
      const item = await draft(c);
      return { path: `/api/analyses/${item.id}/submit`, ifMatch: item.etag };
    },
  },
  'post /units/:unitId/actions': {
    allowed: 'principal-bjork', refused: otherUnits, fixed: ['ownerId', 'dueDate', 'originKind', 'originId'],
    prepare: async (c) => ({
      path: `/api/units/${c.unitId}/actions`,
      body: { title: 'Läsgrupper', description: 'Varje vecka', ownerId: PERSONA_USER_IDS.staffBjork, ownerName: 'Elin Berg', dueDate: '2027-01-10', originKind: 'analysis', originId: await anAnalysis(c), evaluation: 'Bra' },
    }),
  },
  'patch /actions/:id': {
    allowed: 'principal-bjork', refused: otherUnits, fixed: [],
    prepare: async (c) => {
      const item = await fresh(c, 'actions', {
        title: 'Läsgrupper', unitId: c.unitId, ownerId: PERSONA_USER_IDS.staffBjork, dueDate: '2027-01-10', status: 'planned', originKind: 'analysis', originId: await anAnalysis(c), schoolYear: '2026/27',
      });
      return { path: `/api/actions/${item.id}`, body: { title: 'Läsgrupper', description: 'Varje vecka', ownerName: 'Elin Berg', evaluation: 'Bra' }, ifMatch: item.etag };
    },
  },
  'post /actions/:id/comments': {
    allowed: 'principal-bjork', refused: otherUnits, fixed: [],
    prepare: async (c) => {
      const item = await fresh(c, 'actions', {
        title: 'Läsgrupper', unitId: c.unitId, ownerId: PERSONA_USER_IDS.staffBjork, dueDate: '2027-01-10', status: 'planned', originKind: 'analysis', originId: await anAnalysis(c), schoolYear: '2026/27',
      });
      return { path: `/api/actions/${item.id}/comments`, body: { text: 'Vi har börjat med läsgrupperna.' }, ifMatch: item.etag };
    },
  },
  'post /units/:unitId/deficiencies': {
    allowed: 'principal-bjork', refused: otherUnits, fixed: ['source', 'foundOn'],
    prepare: async (c) => ({ path: `/api/units/${c.unitId}/deficiencies`, body: { title: 'Otrygg skolgård', description: 'Rastvakter saknas', source: 'other', foundOn: '2026-10-01' } }),
  },
  'patch /deficiencies/:id': {
    allowed: 'principal-bjork', refused: otherUnits, fixed: [],
    prepare: async (c) => {
      const item = await fresh(c, 'deficiencies', { title: 'Brist', unitId: c.unitId, source: 'other', foundOn: '2026-10-01', status: 'open' });
      return { path: `/api/deficiencies/${item.id}`, body: { title: 'Otrygg skolgård', description: 'Rastvakter saknas' }, ifMatch: item.etag };
    },
  },
  'post /units/:unitId/meetings': {
    allowed: 'principal-bjork', refused: otherUnits, fixed: ['type', 'startsAt', 'schoolYear', 'participants.0.role', 'agenda.0.id'],
    prepare: async (c) => ({
      path: `/api/units/${c.unitId}/meetings`,
      body: {
        type: 'workshop', title: 'Workshop om läsning', startsAt: '2027-03-10T13:00:00+01:00', schoolYear: '2026/27',
        participants: [{ role: 'teacher', displayName: 'Greta Holm' }], agenda: [{ id: 'p1', title: 'Resultat', notes: 'Anteckning', decisions: ['Beslut'] }],
      },
    }),
  },
  'patch /meetings/:id': {
    allowed: 'principal-bjork', refused: otherUnits, fixed: ['participants.0.role', 'agenda.0.id'],
    prepare: async (c) => {
      const item = await meeting(c);
      return {
        path: `/api/meetings/${item.id}`,
        body: { title: 'Resultatkonferens VT', participants: [{ role: 'teacher', displayName: 'Greta Holm' }], agenda: [{ id: 'p1', title: 'Resultat', notes: 'Anteckning', decisions: ['Beslut'] }] },
        ifMatch: item.etag,
      };
    },
  },
  'put /meetings/:id/responses/me': {
    allowed: 'staff-bjork', refused: otherUnits, fixed: ['answers.0.questionId'],
    prepare: async (c) => {
      const item = await meeting(c);
      return { path: `/api/meetings/${item.id}/responses/me`, body: { answers: [{ questionId: await questionOf(c, 'resultsConference'), text: 'Tydliga mål' }] } };
    },
  },
  'post /meetings/link': {
    allowed: 'principal-bjork', refused: otherUnits, fixed: ['teamsMeetingId', 'chatId', 'unitId', 'type', 'startsAt'],
    prepare: async (c) => {
      const n = next();
      return { path: '/api/meetings/link', body: { teamsMeetingId: `walk-meeting-${n}`, chatId: `19:walk-chat-${n}@thread.v2`, unitId: c.unitId, type: 'workshop', title: 'Länkat möte', startsAt: '2027-03-10T13:00:00+01:00' } };
    },
  },
  'post /year-wheel/:id/meeting': {
    allowed: 'principal-bjork', refused: otherUnits, fixed: ['unitId'],
    prepare: async (c) => ({ path: `/api/year-wheel/${(await activity(c)).id}/meeting`, body: { unitId: c.unitId } }),
  },
  'post /meetings/:id/agenda': {
    allowed: 'principal-bjork', refused: otherUnits, fixed: [],
    prepare: async (c) => ({ path: `/api/meetings/${(await meeting(c)).id}/agenda`, body: { title: 'Läsning' } }),
  },
  'patch /meetings/:id/agenda/:itemId': {
    allowed: 'principal-bjork', refused: otherUnits, fixed: [],
    prepare: async (c) => {
      const item = await agendaItem(c);
      return { path: `/api/meetings/${item.id}/agenda/p1`, body: { title: 'Resultat i läsning', notes: 'Anteckning', decisions: ['Beslut'] }, ifMatch: `"${item.version}"` };
    },
  },
  'post /meetings/:id/agenda/:itemId/decisions': {
    allowed: 'principal-bjork', refused: otherUnits, fixed: [],
    prepare: async (c) => ({ path: `/api/meetings/${(await meeting(c, { agenda: [{ id: 'p1', title: 'Resultat' }] })).id}/agenda/p1/decisions`, body: { text: 'Läsgrupper startar' } }),
  },
  'put /meetings/:id/participants': {
    allowed: 'principal-bjork', refused: otherUnits, fixed: ['participant.role'],
    prepare: async (c) => ({ path: `/api/meetings/${(await meeting(c)).id}/participants`, body: { participant: { role: 'teacher', displayName: 'Greta Holm' } } }),
  },
  'delete /meetings/:id/participants/:key': {
    allowed: 'principal-bjork', refused: otherUnits, fixed: [],
    prepare: async (c) => ({ path: `/api/meetings/${(await meeting(c, { participants: [{ role: 'teacher', displayName: 'Greta Holm' }] })).id}/participants/${encodeURIComponent('name:greta holm')}` }),
  },
  'post /follow-up-templates': {
    allowed: 'admin', refused: notAdministration, fixed: ['meetingType', 'questions.0.id', 'questions.0.kind'],
    prepare: async () => ({ path: '/api/follow-up-templates', body: { meetingType: 'workshop', questions: [{ id: 'walk', sv: 'Vad gick bra?', en: 'What went well?', kind: 'text' }] } }),
  },
  'post /year-wheel': {
    allowed: 'principal-bjork', refused: otherUnits, fixed: ['kind', 'schoolYear', 'date', 'unitId'],
    prepare: async (c) => ({ path: '/api/year-wheel', body: { title: 'Läsdag', description: 'Hela skolan', kind: 'workshop', schoolYear: '2026/27', date: '2027-02-01', unitId: c.unitId } }),
  },
  'patch /year-wheel/:id': {
    allowed: 'principal-bjork', refused: otherUnits, fixed: [],
    prepare: async (c) => {
      const item = await activity(c);
      return { path: `/api/year-wheel/${item.id}`, body: { title: 'Läsdag', description: 'Hela skolan' }, ifMatch: item.etag };
    },
  },
  'delete /year-wheel/:id': {
    allowed: 'principal-bjork', refused: otherUnits, fixed: [],
    prepare: async (c) => {
      const item = await activity(c);
      return { path: `/api/year-wheel/${item.id}`, ifMatch: item.etag };
    },
  },
  'post /units/:unitId/feedback': {
    allowed: 'admin', refused: notAdministration, fixed: ['analysisId'],
    prepare: async (c) => {
      const item = await fresh(c, 'analyses', {
        unitId: c.unitId, schoolYear: '2026/27', period: '2026/27 HT', status: 'submitted', strengths: [], areasToDevelop: [], measurementIds: [], goalIds: [], participants: [],
        submittedAt: '2027-01-20T09:00:00Z', submittedBy: PERSONA_USER_IDS.principalBjork,
      });
      return { path: `/api/units/${c.unitId}/feedback`, body: { analysisId: item.id, text: 'Tydlig orsaksanalys' } };
    },
  },
  'post /feedback/:id/read': {
    allowed: 'principal-bjork', refused: otherUnits, fixed: [],
    prepare: async (c) => {
      const item = await fresh(c, 'feedback', { unitId: c.unitId, analysisId: await anAnalysis(c), schoolYear: '2026/27', text: 'Bra', authorId: PERSONA_USER_IDS.admin, givenAt: '2027-02-01T09:00:00Z' });
      return { path: `/api/feedback/${item.id}/read` };
    },
  },
  'post /organizer/imports/preview': {
    allowed: 'admin', refused: notAdministration, fixed: ['kind', 'csv'],
    prepare: async (c) => ({ path: '/api/organizer/imports/preview', body: { kind: 'kolada', csv: await koladaFile(c) } }),
  },
  'post /organizer/imports': {
    allowed: 'admin', refused: notAdministration, fixed: ['kind', 'csv'],
    prepare: async (c) => ({ path: '/api/organizer/imports', body: { kind: 'kolada', csv: await koladaFile(c) } }),
    settle: async (c, response) => {
      await importEnded(c.h, response);
    },
  },
  'post /organizer/unit-imports/preview': {
    allowed: 'admin', refused: notAdministration, fixed: ['source.kind', 'source.json', 'defaultType'],
    prepare: async () => ({ path: '/api/organizer/unit-imports/preview', body: { source: { kind: 'file', json: registerFile() }, defaultType: 'grundskola' } }),
  },
  'post /organizer/unit-imports': {
    allowed: 'admin', refused: notAdministration, fixed: ['source.kind', 'source.json', 'defaultType'],
    prepare: async () => ({ path: '/api/organizer/unit-imports', body: { source: { kind: 'file', json: registerFile() }, defaultType: 'grundskola' } }),
  },
};

/** `patch /goals/:id` → its method and path. */
export function routeOf(key: string): { method: string; path: string } {
  const [method = '', path = ''] = key.split(' ');
  return { method: method.toUpperCase(), path };
}

/** Starts a server and the walk's context: Björkskolan, as seeded. */
export async function startWalk(): Promise<WalkContext> {
  const h = await startHarness();
  const unitId = await h.unitId(BJORKSKOLAN);
  return { h, unitId, schoolUnitCode: (await h.started.store.get('units', unitId)).fields.schoolUnitCode };
}

/** Every item of every list with its eTag: what "nothing stored" is compared against. */
export async function snapshot(h: Harness): Promise<string[]> {
  const keys = Object.keys(lists) as ListKey[];
  const items = await Promise.all(keys.map(async (list) => (await h.started.store.queryAll(list)).map((item) => `${list}/${item.id}@${item.etag}`)));
  return items.flat().sort();
}
