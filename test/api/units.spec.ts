/**
 * Units as the administration keeps them, through the API on a real server: created with a unique
 * skolenhetskod (also when two creates race), edited, archived (history kept, read-only, out of
 * the roll-up and the chooser) and restored; the directory the principals and staff groups are
 * found in; and where setting up stands, on the demo and on an empty site (SEED=none).
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONA_USER_IDS, STAFF_GROUP_IDS } from '../../src/auth/personas';
import { BJORKSKOLAN, startHarness, type Harness } from './harness';

let h: Harness;
let bjork: string;
beforeAll(async () => {
  h = await startHarness();
  bjork = await h.unitId(BJORKSKOLAN);
});
afterAll(async () => {
  await h?.server.stop();
});

const newUnit = (code: string, more: Record<string, unknown> = {}) => ({ name: `Skola ${code}`, type: 'grundskola', schoolUnitCode: code, ...more });
const items = (body: Record<string, unknown>) => body['items'] as Record<string, unknown>[];

async function unitsWithCode(code: string): Promise<number> {
  return (await h.started.store.queryAll('units', { filter: [{ field: 'schoolUnitCode', op: 'eq', value: code }] })).length;
}

describe('POST /units', () => {
  it('creates a unit for the administration: 201, Location, no principals yet, its Kolada id', async () => {
    const response = await h.request('POST', '/api/units', { persona: 'admin', body: newUnit('70000101', { type: 'anpassadGymnasieskola', koladaId: 'V17E999900101' }) });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(`/api/units/${String(response.body['id'])}`);
    expect(response.body).toMatchObject({ name: 'Skola 70000101', type: 'anpassadGymnasieskola', principalIds: [], koladaId: 'V17E999900101', createdByUser: PERSONA_USER_IDS.admin });
  });

  it('is the administration\'s only: a principal and the board get 403, and nothing is stored', async () => {
    for (const persona of ['principal-bjork', 'board', 'staff-bjork'] as const) {
      const response = await h.request('POST', '/api/units', { persona, body: newUnit('70000102') });
      expect({ persona, status: response.status }).toEqual({ persona, status: 403 });
    }
    expect(await unitsWithCode('70000102')).toBe(0);
  });

  it('refuses a skolenhetskod another unit has: 409 naming that unit, in the request\'s language', async () => {
    const sv = await h.request('POST', '/api/units', { persona: 'admin', body: newUnit('91234501') });
    expect(sv.status).toBe(409);
    expect(sv.body).toMatchObject({ code: 'schoolUnitCodeTaken', field: 'schoolUnitCode', fieldLabel: 'Skolenhetskod' });
    expect(sv.body['detail']).toBe(`Skolenhetskod: skolenhetskoden 91234501 har redan en annan enhet (${BJORKSKOLAN})`);
    const en = await h.request('POST', '/api/units', { persona: 'admin', body: newUnit('91234501'), headers: { 'accept-language': 'en-GB,en;q=0.8' } });
    expect(en.body['detail']).toBe(`School unit code: school unit code 91234501 already belongs to another unit (${BJORKSKOLAN})`);
    expect(await unitsWithCode('91234501')).toBe(1);
  });

  it('lets exactly one of two concurrent creates with one skolenhetskod win; the other is a 409', async () => {
    const [a, b] = await Promise.all([
      h.request('POST', '/api/units', { persona: 'admin', body: newUnit('70000103', { name: 'Först' }) }),
      h.request('POST', '/api/units', { persona: 'admin', body: newUnit('70000103', { name: 'Samtidigt' }) }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body).toMatchObject({ code: 'schoolUnitCodeTaken', field: 'schoolUnitCode' });
    expect(await unitsWithCode('70000103')).toBe(1);
  });

  it('makes a create with the same Idempotency-Key once', async () => {
    const headers = { 'idempotency-key': 'unit-create-1' };
    const first = await h.request('POST', '/api/units', { persona: 'admin', body: newUnit('70000104'), headers });
    const again = await h.request('POST', '/api/units', { persona: 'admin', body: newUnit('70000104'), headers });
    expect(first.status).toBe(201);
    expect(again.body['id']).toBe(first.body['id']);
    expect(await unitsWithCode('70000104')).toBe(1);
  });

  it('names the field in words, never its code name: an invalid code, a Kolada id, a personnummer in the name', async () => {
    const code = await h.request('POST', '/api/units', { persona: 'admin', body: newUnit('123') });
    expect(code.body).toMatchObject({ code: 'invalidBody', field: 'schoolUnitCode', detail: 'Skolenhetskod: skolenhetskoden har 8 siffror' });
    const kolada = await h.request('POST', '/api/units', { persona: 'admin', body: newUnit('70000105', { koladaId: '70000105' }), headers: { 'accept-language': 'en' } });
    expect(kolada.body).toMatchObject({ field: 'koladaId', detail: 'Kolada unit id: a Kolada unit id is written as V15E144001301' });
    const type = await h.request('POST', '/api/units', { persona: 'admin', body: newUnit('70000105', { type: 'specialskola' }) });
    expect(type.body).toMatchObject({ field: 'type', detail: 'Skolform: är inget av de värden som går att välja' });
    const personal = await h.request('POST', '/api/units', { persona: 'admin', body: newUnit('70000105', { name: 'Skolan för 19121212-1212' }) });
    expect(personal.body).toMatchObject({ code: 'personalIdentityNumber', field: 'name' });
    expect(String(personal.body['detail'])).toMatch(/^Enhetens namn: Texten innehåller ett personnummer/);
    expect(await unitsWithCode('70000105')).toBe(0);
  });
});

describe('PATCH /units/:unitId', () => {
  it('assigns principals, a staff group and a Kolada id; a code another unit has is a 409', async () => {
    const created = await h.request('POST', '/api/units', { persona: 'admin', body: newUnit('70000201') });
    const patched = await h.request('PATCH', `/api/units/${String(created.body['id'])}`, {
      persona: 'admin', headers: { 'if-match': String(created.body['etag']) },
      body: { principalIds: [PERSONA_USER_IDS.principalLind], staffGroupId: STAFF_GROUP_IDS.lindgymnasiet, koladaId: 'V15E999900201' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ principalIds: [PERSONA_USER_IDS.principalLind], staffGroupId: STAFF_GROUP_IDS.lindgymnasiet, koladaId: 'V15E999900201' });
    const taken = await h.request('PATCH', `/api/units/${String(created.body['id'])}`, {
      persona: 'admin', headers: { 'if-match': String(patched.body['etag']) }, body: { schoolUnitCode: '91234501' },
    });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'schoolUnitCodeTaken' });
    expect((await h.started.store.get('units', String(created.body['id']))).etag).toBe(patched.body['etag']);
  });
});

describe('archiving a unit', () => {
  it('keeps its history readable, makes it read-only, takes it out of the roll-up and the chooser, and restores it', async () => {
    const before = await h.request('GET', `/api/units/${bjork}/overview`, { persona: 'principal-bjork' });
    const unit = await h.started.store.get('units', bjork);
    const archived = await h.request('POST', `/api/units/${bjork}/archive`, { persona: 'admin', headers: { 'if-match': unit.etag } });
    expect(archived.status).toBe(200);
    expect(typeof archived.body['archivedAt']).toBe('string');

    // history: the overview, its actions and analyses still read
    const after = await h.request('GET', `/api/units/${bjork}/overview`, { persona: 'principal-bjork' });
    expect(after.status).toBe(200);
    expect((after.body['openActions'] as unknown[]).length).toBe((before.body['openActions'] as unknown[]).length);
    expect((await h.request('GET', `/api/units/${bjork}/analyses`, { persona: 'principal-bjork' })).status).toBe(200);

    // read-only, even for the administration
    const edit = await h.request('PATCH', `/api/units/${bjork}`, { persona: 'admin', body: { name: 'Nytt' }, headers: { 'if-match': String(archived.body['etag']) } });
    expect(edit.status).toBe(403);
    const analyses = await h.started.store.queryAll('analyses', { filter: [{ field: 'unitId', op: 'eq', value: bjork }] });
    const action = await h.request('POST', `/api/units/${bjork}/actions`, {
      persona: 'principal-bjork', body: { title: 'Ny', ownerId: PERSONA_USER_IDS.staffBjork, dueDate: '2027-03-01', originKind: 'analysis', originId: analyses[0]?.id ?? '1' },
    });
    expect(action.status).toBe(403);

    // out of the chooser (GET /units, GET /me) and the roll-up; the administration's list still has it
    const listed = (await h.request('GET', '/api/units', { persona: 'admin' })).body;
    expect(items(listed).map((u) => u['id'])).not.toContain(bjork);
    const withArchived = (await h.request('GET', '/api/units?archived=include', { persona: 'admin' })).body;
    expect(items(withArchived).map((u) => u['id'])).toContain(bjork);
    const me = (await h.request('GET', '/api/me', { persona: 'staff-bjork' })).body;
    expect((me['units'] as { unitId: string }[]).map((u) => u.unitId)).not.toContain(bjork);
    const rollup = (await h.request('GET', '/api/organizer/rollup', { persona: 'admin' })).body;
    expect((rollup['units'] as { unitId: string }[]).map((u) => u.unitId)).not.toContain(bjork);
    expect((rollup['deficiencies'] as { unitId: string }[]).map((d) => d.unitId)).not.toContain(bjork);

    const restored = await h.request('POST', `/api/units/${bjork}/restore`, { persona: 'admin', headers: { 'if-match': String(archived.body['etag']) } });
    expect(restored.status).toBe(200);
    expect(restored.body['archivedAt']).toBeUndefined();
    const back = (await h.request('GET', '/api/organizer/rollup', { persona: 'admin' })).body;
    expect((back['units'] as { unitId: string }[]).map((u) => u.unitId)).toContain(bjork);
  });

  it('is the administration\'s only, and needs the unit\'s eTag', async () => {
    const unit = await h.started.store.get('units', bjork);
    const principal = await h.request('POST', `/api/units/${bjork}/archive`, { persona: 'principal-bjork', headers: { 'if-match': unit.etag } });
    expect(principal.status).toBe(403);
    const noEtag = await h.request('POST', `/api/units/${bjork}/archive`, { persona: 'admin' });
    expect(noEtag.status).toBe(428);
    const stale = await h.request('POST', `/api/units/${bjork}/archive`, { persona: 'admin', headers: { 'if-match': '"{00000000-0000-0000-0000-000000000000},1"' } });
    expect(stale.status).toBe(409);
    expect((await h.started.store.get('units', bjork)).fields.archivedAt).toBeUndefined();
  });
});

describe('the directory', () => {
  it('finds people and groups by name for the administration, a bounded page, and names chosen ones by id', async () => {
    const people = await h.request('GET', '/api/directory/people?search=ce', { persona: 'admin' });
    expect(people.status).toBe(200);
    expect(items(people.body)).toEqual([{ userId: PERSONA_USER_IDS.principalBjork, name: 'Cecilia Ek', mail: 'cecilia.ek@demokommun.example' }]);
    const groups = await h.request('GET', '/api/directory/groups?search=personal', { persona: 'admin' });
    expect(items(groups.body).map((g) => g['name'])).toEqual(['Personal Björkskolan', 'Personal Ekbackens förskola', 'Personal Lindgymnasiet']);
    const named = await h.request('GET', `/api/directory/groups?ids=${STAFF_GROUP_IDS.bjorkskolan}`, { persona: 'admin' });
    expect(items(named.body)).toEqual([{ groupId: STAFF_GROUP_IDS.bjorkskolan, name: 'Personal Björkskolan' }]);
    const many = Array.from({ length: 21 }, (_, i) => `1a000000-0000-4000-8000-${String(i).padStart(12, '0')}`).join(',');
    expect((await h.request('GET', `/api/directory/people?ids=${many}`, { persona: 'admin' })).status).toBe(400);
  });

  it('searches only with at least two characters, naming the field', async () => {
    const short = await h.request('GET', '/api/directory/people?search=c', { persona: 'admin' });
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ code: 'invalidQuery', field: 'search', detail: 'Sökord: ska ha minst 2 tecken' });
    expect((await h.request('GET', '/api/directory/groups', { persona: 'admin' })).body).toMatchObject({ field: 'search', detail: 'Sökord: måste fyllas i' });
  });

  it('is closed to everyone but the administration', async () => {
    for (const persona of ['principal-bjork', 'board', 'staff-bjork'] as const) {
      expect((await h.request('GET', '/api/directory/people?search=ce', { persona })).status).toBe(403);
      expect((await h.request('GET', '/api/directory/groups?search=pe', { persona })).status).toBe(403);
    }
    expect((await h.request('GET', '/api/directory/people?search=ce')).status).toBe(401);
  });
});

describe('GET /setup on the demo', () => {
  it('says the product is set up, whom to ask, and gives the administration the guide\'s steps from the data', async () => {
    const staff = await h.request('GET', '/api/setup', { persona: 'staff-bjork' });
    expect(staff.body).toMatchObject({ configured: true, contact: { name: 'Barn- och utbildningsnämnden i Demokommun', email: 'barn-och-utbildning@demokommun.example' } });
    expect(staff.body['steps']).toBeUndefined();
    const admin = await h.request('GET', '/api/setup', { persona: 'admin' });
    const steps = admin.body['steps'] as { step: string; done: boolean }[];
    expect(steps.filter((step) => step.done).map((step) => step.step)).toEqual(expect.arrayContaining(['units', 'indicators', 'goals', 'yearWheel']));
    // Tallåsen and the adult education have no staff group in the demo: that step is not done
    expect(steps.find((step) => step.step === 'people')).toMatchObject({ done: false });
  });
});

describe('an empty site (SEED=none)', () => {
  let empty: Harness;
  beforeAll(async () => {
    empty = await startHarness({ env: { SEED: 'none' } });
  });
  afterAll(async () => {
    await empty?.server.stop();
  });

  it('starts with no data at all, and the personas still sign in', async () => {
    for (const list of ['units', 'indicators', 'goals', 'actions', 'yearWheel', 'followUpTemplates'] as const) {
      expect({ list, items: (await empty.started.store.query(list, { top: 1 })).items.length }).toEqual({ list, items: 0 });
    }
    const me = await empty.request('GET', '/api/me', { persona: 'principal-bjork' });
    expect(me.status).toBe(200);
    expect(me.body['units']).toEqual([]);
    expect((await empty.request('GET', '/api/me', { persona: 'admin' })).body['appRoles']).toEqual(['Administration']);
  });

  it('says it is not set up, whom to ask, and that the guide has every step before it', async () => {
    const principal = await empty.request('GET', '/api/setup', { persona: 'principal-bjork' });
    expect(principal.body).toMatchObject({ configured: false, contact: { name: 'Barn- och utbildningsnämnden i Demokommun' } });
    const admin = await empty.request('GET', '/api/setup', { persona: 'admin' });
    expect((admin.body['steps'] as { done: boolean }[]).every((step) => !step.done)).toBe(true);
  });

  it('gives a principal their unit once the administration assigns them to it', async () => {
    const created = await empty.request('POST', '/api/units', { persona: 'admin', body: newUnit('70000301') });
    expect((await empty.request('GET', '/api/units', { persona: 'principal-lind' })).body['items']).toEqual([]);
    await empty.request('PATCH', `/api/units/${String(created.body['id'])}`, {
      persona: 'admin', headers: { 'if-match': String(created.body['etag']) }, body: { principalIds: [PERSONA_USER_IDS.principalLind] },
    });
    const me = await empty.request('GET', '/api/me', { persona: 'principal-lind' });
    expect(me.body['units']).toEqual([{ unitId: created.body['id'], name: 'Skola 70000301', roles: ['principal'] }]);
    expect((await empty.request('GET', '/api/setup', { persona: 'principal-lind' })).body['configured']).toBe(true);
  });
});

describe('GET /units/:unitId/report.docx', () => {
  async function report(persona: 'principal-bjork' | 'staff-lind', query = ''): Promise<{ status: number; disposition: string; text: string }> {
    const response = await fetch(`${h.url}/api/units/${bjork}/report.docx${query}`, { headers: { authorization: `Bearer ${await h.token(persona)}` } });
    if (!response.ok) return { status: response.status, disposition: '', text: await response.text() };
    const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    return { status: response.status, disposition: response.headers.get('content-disposition') ?? '', text: xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') };
  }

  it('is the unit\'s report under the municipality\'s name (the configured controller), named for the unit', async () => {
    const sv = await report('principal-bjork');
    expect(sv.status).toBe(200);
    expect(sv.disposition).toContain(`filename*=UTF-8''${encodeURIComponent('Kvalitetsrapport Björkskolan F–6')}`);
    expect(sv.text).toContain(`Kvalitetsrapport: ${BJORKSKOLAN}`);
    expect(sv.text).toContain('Barn- och utbildningsnämnden i Demokommun');
    const en = await report('principal-bjork', '?language=en');
    expect(en.text).toContain(`Quality report: ${BJORKSKOLAN}`);
  });

  it('is refused to staff of another unit, and a language it does not know is a 400', async () => {
    // a unit they may not read is one they are not told of
    expect((await report('staff-lind')).status).toBe(404);
    const bad = await report('principal-bjork', '?language=fi');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('language');
  });
});
