import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from './csv';

const cells = (text: string) => parseCsv(text).records.map((r) => r.cells);

describe('parseCsv', () => {
  it('splits on semicolons and keeps the line of each record', () => {
    const result = parseCsv('a;b;c\n1;2;3\n');
    expect(result.delimiter).toBe(';');
    expect(result.records).toEqual([{ line: 1, cells: ['a', 'b', 'c'] }, { line: 2, cells: ['1', '2', '3'] }]);
  });

  it('detects a comma delimiter, and ignores commas inside quotes when detecting', () => {
    expect(detectDelimiter('kpi,ou,period,value\n')).toBe(',');
    expect(detectDelimiter('"a,b,c";x;y\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(cells('kpi,ou\nN1,2')).toEqual([['kpi', 'ou'], ['N1', '2']]);
  });

  it('reads quoted fields with delimiters, escaped quotes and line breaks', () => {
    const text = 'namn;kommentar\n"Skola; A";"Hon sa ""hej"""\n"Två\nrader";x\n';
    const result = parseCsv(text);
    expect(result.records.map((r) => r.cells)).toEqual([['namn', 'kommentar'], ['Skola; A', 'Hon sa "hej"'], ['Två\nrader', 'x']]);
    expect(result.records.map((r) => r.line)).toEqual([1, 2, 3]);
  });

  it('counts lines inside quoted fields, so later records keep their true line', () => {
    const result = parseCsv('a;b\n"1\n2\n3";x\nnext;y\n');
    expect(result.records.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it('handles CRLF, a byte order mark and a missing final newline', () => {
    const result = parseCsv('\uFEFFSkolenhetskod;Värde\r\n10000001;12,5\r\n10000002;"1\r\n2"');
    expect(result.records.map((r) => r.cells)).toEqual([['Skolenhetskod', 'Värde'], ['10000001', '12,5'], ['10000002', '1\n2']]);
    expect(result.records.map((r) => r.line)).toEqual([1, 2, 3]);
  });

  it('skips blank lines but keeps counting them', () => {
    const result = parseCsv('a;b\n\n;\n1;2\n\n');
    expect(result.records).toEqual([{ line: 1, cells: ['a', 'b'] }, { line: 4, cells: ['1', '2'] }]);
  });

  it('keeps empty cells and trims unquoted ones, not quoted ones', () => {
    expect(cells(' a ;;" b "')).toEqual([['a', '', ' b ']]);
  });

  it('reports a quote that never closes', () => {
    const result = parseCsv('a;b\n1;"open\n2;3\n');
    expect(result.unclosedQuoteLine).toBe(2);
  });

  it('honours a given delimiter', () => {
    expect(parseCsv('a,b;c', { delimiter: ',' }).records[0]?.cells).toEqual(['a', 'b;c']);
  });
});
