import { describe, expect, it } from 'vitest';
import type { Indicator, Unit } from '../../domain';
import type { StoredItem } from '../../store/port';
import { parseCsv } from './csv';
import { readKolada, readKoladaRows } from './kolada';
import { koladaRowsFromJson } from './kolada-json';
import { createLookup } from './lookup';
import { readSkolverket, skolverketDelimiter } from './skolverket';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const stored = <T>(id: string, fields: T): StoredItem<T> => ({ id, etag: `"e${id}"`, fields, createdAt: '2026-01-01T00:00:00Z', modifiedAt: '2026-01-01T00:00:00Z' });
const units = [
  stored<Unit>('1', { name: 'Alléskolan', type: 'grundskola', schoolUnitCode: '10000001', principalIds: [], koladaId: 'V15E001000101' }),
  stored<Unit>('2', { name: 'Backaskolan', type: 'grundskola', schoolUnitCode: '10000002', principalIds: [] }),
];
const indicators = [
  stored<Indicator>('11', { name: 'Meritvärde åk 9', source: 'meritValue', unitOfMeasure: 'points', direction: 'higherIsBetter', koladaKpi: 'N15503' }),
  stored<Indicator>('12', { name: 'Andel behöriga till yrkesprogram', source: 'eligibility', unitOfMeasure: 'percent', direction: 'higherIsBetter' }),
];
const lookup = createLookup(units, indicators);
const records = (text: string) => parseCsv(text).records;

describe('readKolada', () => {
  it('reads total, girls and boys into one result with groups', () => {
    const result = readKolada(records('kpi;ou;period;value;gender\nN15503;10000001;2025;231,5;T\nN15503;10000001;2025;244,0;K\nN15503;10000001;2025;219,8;M\n'), lookup);
    expect(result.errors).toEqual([]);
    expect(result.candidates).toEqual([{
      line: 2, indicatorId: '11', unitId: '1', period: '2024/25', schoolYear: '2024/25', value: 231.5,
      groups: [{ group: 'Flickor', value: 244 }, { group: 'Pojkar', value: 219.8 }],
    }]);
  });

  it('accepts comma separated files with other column names, no gender column and a unit\'s Kolada id', () => {
    const result = readKolada(records('kpi_id,ou_id,year,value\nN15503,V15E001000101,2024,220.5\nN15503,10000002,2024,240\n'), lookup);
    expect(result.errors).toEqual([]);
    expect(result.candidates.map((c) => [c.unitId, c.period, c.value])).toEqual([['1', '2023/24', 220.5], ['2', '2023/24', 240]]);
  });

  it('gives an error per bad row with its line and column', () => {
    const text = [
      'kpi;ou;period;value;gender',
      'N99999;10000001;2025;1;T', // unknown kpi
      'N15503;99999999;2025;1;T', // unknown unit
      'N15503;10000001;förra;1;T', // bad period
      'N15503;10000001;2025;tolv;T', // bad value
      'N15503;10000002;2025;1;X', // bad gender
      'N15503;10000002;2024;;T', // missing value: skipped
      'N15503;10000002;2023;5;K', // group without a total
      'N15503;10000001;2025;230;T',
      'N15503;10000001;2025;231;T', // the same twice
    ].join('\n');
    const result = readKolada(records(text), lookup);
    expect(result.errors.map((e) => [e.line, e.field])).toEqual([[2, 'kpi'], [3, 'unit'], [4, 'period'], [5, 'value'], [6, 'gender'], [8, 'gender'], [10, 'gender']]);
    expect(result.errors[0]?.message).toContain('N99999');
    expect(result.skipped).toBe(1);
    expect(result.candidates).toHaveLength(1);
  });

  it('names the missing header columns', () => {
    const result = readKolada(records('kpi;period;value\nN15503;2025;1'), lookup);
    expect(result.errors).toEqual([expect.objectContaining({ line: 1, field: 'unit' })]);
  });
});

describe('readSkolverket', () => {
  const file = [
    'Betyg och prövningar årskurs 9',
    'Källa: Skolverket',
    '',
    'Skolenhetskod;Skolenhet;Kommun;Läsår;Meritvärde åk 9;Meritvärde åk 9, flickor;Meritvärde åk 9, pojkar;Andel behöriga till yrkesprogram (%);Antal elever',
    '10000001;Alléskolan;Exempelstad;2024/25;231,5;244,0;219,8;91,2;54',
    '10000002;Backaskolan;Exempelstad;2024/25;.;..;~100;88,0;12',
    ';Samtliga;Exempelstad;2024/25;230,0;;;90,0;66',
  ].join('\r\n');

  it('finds the header below a preamble, maps columns to indicators and groups, and skips hidden values', () => {
    const result = readSkolverket(records(file), lookup);
    expect(result.errors).toEqual([]);
    expect(result.ignoredColumns).toEqual(['Antal elever']);
    expect(result.candidates).toEqual([
      { line: 5, indicatorId: '11', unitId: '1', period: '2024/25', schoolYear: '2024/25', value: 231.5, groups: [{ group: 'Flickor', value: 244 }, { group: 'Pojkar', value: 219.8 }] },
      { line: 5, indicatorId: '12', unitId: '1', period: '2024/25', schoolYear: '2024/25', value: 91.2 },
      { line: 6, indicatorId: '12', unitId: '2', period: '2024/25', schoolYear: '2024/25', value: 88 },
    ]);
    // Backaskolan's hidden merit value and the totals row
    expect(result.skipped).toBe(2);
  });

  it('finds a column by the heading saved on an indicator, with its group columns, and offers the others for mapping', () => {
    const text = 'Skolenhetskod;Läsår;Genomsnittligt meritvärde;Genomsnittligt meritvärde, flickor;Elever med godkänt i alla ämnen;Elever med godkänt i alla ämnen, pojkar\n10000001;2024/25;228,0;240,5;81,0;78,0';
    const before = readSkolverket(records(text), lookup);
    expect(before.candidates).toEqual([]);
    expect(before.unmatchedColumns).toEqual(['Genomsnittligt meritvärde', 'Elever med godkänt i alla ämnen']);
    expect(before.ignoredColumns).toHaveLength(4);

    const merit = indicators[0]!;
    const mapped = createLookup(units, [{ ...merit, fields: { ...merit.fields, importColumns: ['genomsnittligt  MERITVÄRDE'] } }, indicators[1]!]);
    const after = readSkolverket(records(text), mapped);
    expect(after.candidates).toEqual([{ line: 2, indicatorId: '11', unitId: '1', period: '2024/25', schoolYear: '2024/25', value: 228, groups: [{ group: 'Flickor', value: 240.5 }] }]);
    expect(after.unmatchedColumns).toEqual(['Elever med godkänt i alla ämnen']);
    expect(after.mappings).toContainEqual({ kind: 'column', from: 'Genomsnittligt meritvärde', to: 'Meritvärde åk 9' });
  });

  it('takes the period from the import when the file has none, and refuses a file without one', () => {
    const text = 'Skolenhetskod;Meritvärde (N15503)\n10000001;231,5';
    expect(readSkolverket(records(text), lookup, { period: '2025' }).candidates[0]).toMatchObject({ period: '2024/25', value: 231.5, indicatorId: '11' });
    expect(readSkolverket(records(text), lookup).errors).toEqual([expect.objectContaining({ line: 1, field: 'Läsår' })]);
  });

  it('reports unknown units and non-numbers by line and column', () => {
    const text = 'Skolenhetskod;Läsår;Meritvärde åk 9\n10000001;2024/25;abc\n12345678;2024/25;200\n10000002;hösten;1';
    const result = readSkolverket(records(text), lookup);
    expect(result.errors.map((e) => [e.line, e.field])).toEqual([[2, 'Meritvärde åk 9'], [3, 'Skolenhetskod'], [4, 'Läsår']]);
  });

  it('refuses a file whose columns match no indicator', () => {
    const result = readSkolverket(records('Skolenhetskod;Läsår;Något annat\n10000001;2024/25;1'), lookup);
    expect(result.errors[0]).toMatchObject({ line: 1, field: 'Skolenhetskod' });
  });
});

describe('Kolada\'s API v2 JSON', () => {
  const answer = (entries: unknown[]) => JSON.stringify({ count: entries.length, values: entries });
  it('reads an oudata answer: genders into groups, the period by the rule, a null value and a status skipped with a note', () => {
    const { rows, errors } = koladaRowsFromJson(answer([
      { kpi: 'N15503', ou: 'V15E001000101', period: 2025, values: [
        { count: 1, gender: 'K', status: '', value: 244 }, { count: 1, gender: 'M', status: '', value: null }, { count: 1, gender: 'T', status: '', value: 231.5 }] },
      { kpi: 'N15503', ou: '10000002', period: 2025, values: [{ count: 0, gender: 'T', status: 'Missing', value: 12 }] },
    ]));
    expect(errors).toEqual([]);
    const result = readKoladaRows(rows, lookup);
    expect(result.errors).toEqual([]);
    expect(result.candidates).toEqual([{ line: 3, indicatorId: '11', unitId: '1', period: '2024/25', schoolYear: '2024/25', value: 231.5, groups: [{ group: 'Flickor', value: 244 }] }]);
    expect(result.skipped).toBe(2);
    expect(result.notes.map((n) => n.line)).toEqual([2, 4]);
    expect(result.notes[1]?.message).toContain('"Missing"');
    expect(result.mappings).toEqual(expect.arrayContaining([{ kind: 'period', from: '2025', to: '2024/25' }, { kind: 'group', from: 'T', to: 'totalt (resultatet)' }, { kind: 'group', from: 'K', to: 'Flickor' }]));
  });

  it('reads a municipality\'s own values as this municipality\'s results, genders into groups, and refuses another municipality\'s naming the line', () => {
    const { rows } = koladaRowsFromJson(answer([{ kpi: 'N15503', municipality: '1480', period: 2025, values: [{ gender: 'K', value: 241 }, { gender: 'T', value: 230 }, { gender: 'M', value: 219 }] }]));
    const ours = readKoladaRows(rows, lookup, '1480');
    expect(ours).toMatchObject({ candidates: [], errors: [], skipped: 0 });
    expect(ours.municipality).toEqual([{
      line: 2, indicatorId: '11', municipalityId: '1480', period: '2024/25', schoolYear: '2024/25', value: 230,
      groups: [{ group: 'Flickor', value: 241 }, { group: 'Pojkar', value: 219 }],
    }]);
    const other = readKoladaRows(rows, lookup, '9999');
    expect(other.municipality).toEqual([]);
    expect(other.errors.map((e) => [e.line, e.field])).toEqual([[1, 'municipality'], [2, 'municipality'], [3, 'municipality']]);
    expect(other.errors[0]?.message).toContain('Kolada-kommun 1480 är inte den här kommunen (kommunkod 9999)');
    // without the municipality's kommunkod configured, nothing says whose values they are
    expect(readKoladaRows(rows, lookup).errors[0]?.message).toContain('MUNICIPALITY_CODE');
    // a CSV file may name the municipality instead of a unit
    const csv = readKolada(records('kpi;municipality;period;value\nN15503;1480;2025;230\n'), lookup, '1480');
    expect(csv.errors).toEqual([]);
    expect(csv.municipality).toEqual([expect.objectContaining({ line: 2, municipalityId: '1480', value: 230 })]);
    expect(koladaRowsFromJson('{"values": [{"kpi": "N15503", "period": 2025, "values": []}]}').errors[0]).toMatchObject({ field: 'values.0.ou' });
    expect(koladaRowsFromJson('{"values": ').errors[0]).toMatchObject({ field: 'JSON' });
  });
});

describe('skolverketDelimiter', () => {
  it('takes the delimiter of the header line, not of a title line above it', () => {
    expect(skolverketDelimiter('Betyg årskurs 9, läsåret 2024/25, kommunala skolor\r\nSkolenhetskod;Skolenhet\r\n')).toBe(';');
    expect(skolverketDelimiter('Titel; med semikolon\nSkol-enhetskod,Skolenhet,Värde\n')).toBe(',');
  });

  it('reads the example documented in skolverket.ts as it is', () => {
    const source = readFileSync(join(import.meta.dirname, 'skolverket.ts'), 'utf8');
    const block = /What is accepted:\n \*\n((?: \* {3}.*\n)+)/.exec(source)?.[1] ?? '';
    const example = block.split('\n').filter((l) => l !== '').map((l) => l.replace(/^ \* {3}/, '')).join('\n');
    expect(example).toContain('Skolenhetskod');
    const result = readSkolverket(parseCsv(example, { delimiter: skolverketDelimiter(example) }).records, lookup);
    expect(result.errors).toEqual([]);
    expect(result.candidates).toEqual([expect.objectContaining({ line: 3, unitId: '1', value: 231.5, groups: [{ group: 'Flickor', value: 244 }, { group: 'Pojkar', value: 219.8 }] })]);
  });
});
