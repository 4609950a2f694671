/**
 * Result imports with files as municipalities have them, unedited, through the API: Excel's CSV in
 * Windows-1252 and in UTF-8 with a byte order mark, Kolada's API v2 JSON for units (ou) and for the
 * municipality, and Skolverket's statistics as CSV and as .xlsx with title and note lines.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONA_USER_IDS } from '../../src/auth/personas';
import { ImportPreviewSchema, type ImportJob, type ImportPreview, type ImportRejectedProblem } from '../../src/contract';
import { committedImport, startHarness, type Harness } from './harness';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'imports');
const bytes = (name: string) => readFileSync(join(fixtures, name));
const upload = (name: string, kind: 'kolada' | 'skolverket', more: Record<string, unknown> = {}) => ({ kind, file: bytes(name).toString('base64'), ...more });

let h: Harness;
const actor = PERSONA_USER_IDS.admin;

beforeAll(async () => {
  h = await startHarness();
  // the administration sets a Kolada KPI on the indicators Kolada's files name
  const indicators = await h.started.store.queryAll('indicators');
  const kpis: Record<string, string> = { 'Genomsnittligt meritvärde åk 9': 'N15503', 'Behörighet till yrkesprogram': 'N15428' };
  for (const indicator of indicators) {
    const kpi = kpis[indicator.fields.name];
    if (kpi) await h.started.store.update('indicators', indicator.id, { koladaKpi: kpi }, { actor, etag: indicator.etag });
  }
});

afterAll(async () => {
  await h.server.stop();
});

async function preview(body: unknown): Promise<ImportPreview> {
  const response = await h.request('POST', '/api/organizer/imports/preview', { persona: 'admin', body });
  expect(response.status, response.text).toBe(200);
  return response.body as unknown as ImportPreview;
}

async function commit(body: unknown): Promise<ImportJob> {
  const response = await committedImport(h, body);
  expect(response.status, response.text).toBe(200);
  expect(response.body['state'], response.text).toBe('done');
  return response.body as unknown as ImportJob;
}

/** Imports the file, then again: the second time finds every result as it is. */
async function importsTwice(body: unknown, rows: number): Promise<ImportJob> {
  const first = await commit(body);
  expect(first.created + first.updated + first.unchanged).toBe(rows);
  expect(first.created + first.updated).toBeGreaterThan(0);
  const again = await commit(body);
  expect(again).toMatchObject({ created: 0, updated: 0, unchanged: rows });
  return first;
}

describe('Excel\'s CSV', () => {
  it('reads a Windows-1252 file as Excel saves it: the header\'s å, ä and ö, CRLF, decimal comma', async () => {
    const body = upload('excel-windows-1252.csv', 'kolada');
    const answer = await preview(body);
    expect(answer.errors).toEqual([]);
    expect(answer.summary).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';', rows: 2, skipped: 1, schoolYears: ['2021/22'] });
    expect(answer.rows.find((r) => r.indicatorName === 'Genomsnittligt meritvärde åk 9')).toMatchObject({
      unitName: 'Tallåsens skola 7–9', period: '2021/22', value: 226.8, groups: [{ group: 'Flickor', value: 237.5 }, { group: 'Pojkar', value: 216.9 }],
    });
    expect(answer.summary.mappings).toEqual(expect.arrayContaining([{ kind: 'period', from: '2022', to: '2021/22' }, { kind: 'group', from: 'K', to: 'Flickor' }]));
    expect(answer.summary.notes).toEqual([expect.objectContaining({ line: 6, message: expect.stringContaining('sparas inte som 0') })]);
    await importsTwice(body, 2);
  });

  it('reads a UTF-8 file with a byte order mark', async () => {
    const body = upload('excel-utf8-bom.csv', 'kolada');
    const answer = await preview(body);
    expect(answer.errors).toEqual([]);
    expect(answer.summary).toMatchObject({ format: 'csv', encoding: 'utf-8-bom', rows: 2, schoolYears: ['2022/23'] });
    await importsTwice(body, 2);
  });

  it('still refuses the whole file for one bad row, and stores nothing of it', async () => {
    // the good rows moved to a year nothing is stored in, and one bad row
    const good = Buffer.from(bytes('excel-windows-1252.csv').toString('latin1').replace(/;2022;/g, ';2019;'), 'latin1');
    const bad = Buffer.concat([good, Buffer.from('N15503;91234501;2019;tolv;T\r\n', 'latin1')]);
    const body = { kind: 'kolada', file: bad.toString('base64') };
    const refused = await h.request('POST', '/api/organizer/imports', { persona: 'admin', body });
    expect(refused.status).toBe(400);
    const problem = refused.body as unknown as ImportRejectedProblem;
    expect(problem.errors).toEqual([expect.objectContaining({ line: 7, field: 'value' })]);
    expect(problem.summary).toMatchObject({ encoding: 'windows-1252', rows: 2 });
    const stored = await h.started.store.queryAll('measurements', { filter: [{ field: 'schoolYear', op: 'eq', value: '2018/19' }] });
    expect(stored).toHaveLength(0);
  });
});

describe('Skolverket\'s statistics', () => {
  it('reads the CSV download with its title lines, note lines, hidden values and the Riket row', async () => {
    const body = upload('skolverket-statistik.csv', 'skolverket');
    const answer = await preview(body);
    expect(answer.errors).toEqual([]);
    // the first line has a comma and no semicolon: the delimiter comes from the header line
    expect(answer.summary).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';', rows: 2, schoolYears: ['2024/25'], ignoredColumns: ['Antal elever'] });
    expect(answer.rows.map((r) => [r.unitName, r.indicatorName, r.value])).toEqual([
      ['Tallåsens skola 7–9', 'Genomsnittligt meritvärde åk 9', 224.6],
      ['Tallåsens skola 7–9', 'Behörighet till yrkesprogram', 86.4],
    ]);
    // the girls' ".." and the boys' "~100" are not shown by Skolverket: no groups, never 0
    expect(answer.rows[0]?.groups).toBeUndefined();
    const notes = answer.summary.notes.map((n) => n.line);
    expect(notes).toEqual(expect.arrayContaining([7, 8, 9, 11, 12]));
    expect(answer.summary.mappings).toEqual(expect.arrayContaining([{ kind: 'column', from: 'Behörighet till yrkesprogram (%)', to: 'Behörighet till yrkesprogram' }]));
    await importsTwice(body, 2);
  });

  it('reads the .xlsx download the same way', async () => {
    const body = upload('skolverket-statistik.xlsx', 'skolverket');
    const answer = await preview(body);
    expect(answer.errors).toEqual([]);
    expect(answer.summary).toMatchObject({ format: 'xlsx', delimiter: '', rows: 2, schoolYears: ['2023/24'] });
    expect(answer.summary.encoding).toBeUndefined();
    expect(answer.rows.map((r) => [r.indicatorName, r.value, r.line])).toEqual([['Genomsnittligt meritvärde åk 9', 224.6, 6], ['Behörighet till yrkesprogram', 86.4, 6]]);
    await importsTwice(body, 2);
  });
});

describe('Skolverket\'s column names mapped once', () => {
  it('offers a column no indicator names, saves the heading on the chosen indicator, and finds it in the next import', async () => {
    const csv = 'Skolenhetskod;Läsår;Andel elever med godkänt i alla ämnen åk 9 (%)\n91234505;2024/25;78,4\n';
    const first = await preview({ kind: 'skolverket', csv });
    expect(first.summary.unmatchedColumns).toEqual(['Andel elever med godkänt i alla ämnen åk 9 (%)']);
    expect(first.rows).toEqual([]);

    const indicators = await h.request('GET', '/api/indicators', { persona: 'admin' });
    const items = indicators.body['items'] as { id: string; etag: string; name: string }[];
    const merit = items.find((i) => i.name === 'Genomsnittligt meritvärde åk 9');
    const eligibility = items.find((i) => i.name === 'Behörighet till yrkesprogram');
    if (!merit || !eligibility) throw new Error('the demo has its indicators');
    const saved = await h.request('PATCH', `/api/indicators/${eligibility.id}`, { persona: 'admin', headers: { 'if-match': eligibility.etag }, body: { importColumns: ['Andel elever med godkänt i alla ämnen åk 9 (%)'] } });
    expect(saved.status, saved.text).toBe(200);

    const next = await preview({ kind: 'skolverket', csv });
    expect(next.summary.unmatchedColumns).toEqual([]);
    expect(next.rows.map((r) => [r.indicatorName, r.value])).toEqual([['Behörighet till yrkesprogram', 78.4]]);

    // the same heading cannot mean a second indicator: an import could not tell them apart
    const twice = await h.request('PATCH', `/api/indicators/${merit.id}`, { persona: 'admin', headers: { 'if-match': merit.etag }, body: { importColumns: ['andel elever med godkänt i alla ämnen åk 9 (%)'] } });
    expect(twice.status, twice.text).toBe(409);
    expect(twice.body).toMatchObject({ code: 'duplicate', field: 'importColumns' });
    expect(String(twice.body['detail'])).toContain('Behörighet till yrkesprogram');
    await h.request('PATCH', `/api/indicators/${eligibility.id}`, { persona: 'admin', headers: { 'if-match': String(saved.body['etag']) }, body: { importColumns: null } });
  });
});

describe('Kolada\'s API v2 JSON', () => {
  it('imports a municipality\'s values as the municipality\'s own results ("Kommunen"), genders into groups, once', async () => {
    const body = upload('kolada-v2-municipality.json', 'kolada');
    // only the administration imports, the municipality's values too
    const refused = await h.request('POST', '/api/organizer/imports', { persona: 'principal-bjork', body });
    expect(refused.status, refused.text).toBe(403);
    expect(await h.started.store.queryAll('municipalityResults')).toEqual([]);
    const answer = await preview(body);
    // the contract's shape: a row is the municipality's (its kommunkod), not a unit's
    expect(ImportPreviewSchema.safeParse(answer).success).toBe(true);
    const [row] = answer.rows;
    expect(ImportPreviewSchema.safeParse({ ...answer, rows: [{ ...row, unitId: '1' }] }).success).toBe(false);
    expect(answer.errors).toEqual([]);
    expect(answer.summary).toMatchObject({ format: 'json', encoding: 'utf-8', rows: 1, create: 1, skipped: 0, units: 0, schoolYears: ['2023/24'] });
    expect(answer.rows.map((r) => [r.unitName, r.municipalityId, r.unitId, r.indicatorName, r.value, r.groups])).toEqual([
      ['Kommunen', '9999', undefined, 'Genomsnittligt meritvärde åk 9', 227.6, [{ group: 'Flickor', value: 238.2 }, { group: 'Pojkar', value: 217.5 }]],
    ]);
    await importsTwice(body, 1);
    const stored = await h.started.store.queryAll('municipalityResults');
    expect(stored.map((r) => [r.fields.municipalityId, r.fields.period, r.fields.value, r.fields.source])).toEqual([['9999', '2023/24', 227.6, 'kolada']]);
  });

  it('refuses another municipality\'s values, naming the line, and stores nothing', async () => {
    const other = bytes('kolada-v2-municipality.json').toString('utf8').replace('"municipality":"9999"', '"municipality":"1480"');
    const response = await h.request('POST', '/api/organizer/imports', { persona: 'admin', body: { kind: 'kolada', file: Buffer.from(other).toString('base64') } });
    expect(response.status, response.text).toBe(400);
    const problem = response.body as unknown as ImportRejectedProblem;
    expect(problem.errors.map((e) => [e.line, e.field])).toEqual([[1, 'municipality'], [2, 'municipality'], [3, 'municipality']]);
    expect(problem.errors[0]?.message).toContain('Kolada-kommun 1480 är inte den här kommunen');
    expect((await h.started.store.queryAll('municipalityResults')).map((r) => r.fields.municipalityId)).toEqual(['9999']);
  });

  it('reads the units\' (ou) answer as Kolada gives it: units by their Kolada id, genders into groups, null and status noted', async () => {
    const body = upload('kolada-v2-ou.json', 'kolada');
    // before the units carry the Kolada ids, each value is an error of its unit
    expect((await preview(body)).errors.map((e) => [e.line, e.field])).toEqual([1, 2, 3, 4, 5, 6, 7].map((line) => [line, 'unit']));
    const ids: Record<string, string> = { 'Tallåsens skola 7–9': 'V15E999900501', Lindgymnasiet: 'V15E999900301' };
    for (const unit of await h.started.store.queryAll('units')) {
      const id = ids[unit.fields.name];
      if (id) await h.started.store.update('units', unit.id, { koladaId: id }, { actor, etag: unit.etag });
    }
    const answer = await preview(body);
    expect(answer.errors).toEqual([]);
    expect(answer.summary).toMatchObject({ format: 'json', encoding: 'utf-8', delimiter: '', rows: 2, skipped: 2, schoolYears: ['2023/24'] });
    expect(answer.rows.map((r) => [r.unitName, r.indicatorName, r.value, r.groups])).toEqual([
      ['Tallåsens skola 7–9', 'Genomsnittligt meritvärde åk 9', 230.4, [{ group: 'Flickor', value: 241.7 }, { group: 'Pojkar', value: 219.6 }]],
      ['Tallåsens skola 7–9', 'Behörighet till yrkesprogram', 87.9, [{ group: 'Pojkar', value: 84.1 }]],
    ]);
    expect(answer.summary.notes.map((n) => n.line)).toEqual([4, 7]);
    await importsTwice(body, 2);
  });

  it('refuses JSON that is not Kolada\'s shape, naming where', async () => {
    const response = await h.request('POST', '/api/organizer/imports/preview', { persona: 'admin', body: { kind: 'kolada', file: Buffer.from('{"values":[{"kpi":"N15503","period":2024}]}').toString('base64') } });
    expect(response.status).toBe(200);
    expect((response.body as unknown as ImportPreview).errors).toEqual([expect.objectContaining({ field: 'values.0.values' })]);
  });
});

describe('the import body', () => {
  it('takes a file or a text, not both and not neither', async () => {
    for (const body of [{ kind: 'kolada' }, { kind: 'kolada', csv: 'a', file: 'YQ==' }]) {
      const response = await h.request('POST', '/api/organizer/imports/preview', { persona: 'admin', body });
      expect(response.status).toBe(400);
      expect(response.body['field']).toBe('file');
    }
    const notBase64 = await h.request('POST', '/api/organizer/imports/preview', { persona: 'admin', body: { kind: 'kolada', file: 'inte base64!' } });
    expect(notBase64.status).toBe(400);
  });
});
