/**
 * Excel workbooks (.xlsx), read with `read-excel-file`: the first sheet's rows as records, each on
 * its row number in Excel, so errors name the row people see. Numbers keep their value (Excel
 * stores 12,5 as 12.5), dates become ISO dates.
 */
import { readSheet } from 'read-excel-file/node';
import type { CsvRecord } from './csv';

/** Whether the bytes are a zip archive (an .xlsx workbook is one): "PK\x03\x04". */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/** The first sheet's non-blank rows; throws when the bytes are no workbook. */
export async function readXlsx(bytes: Uint8Array): Promise<CsvRecord[]> {
  const rows = await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const records: CsvRecord[] = [];
  rows.forEach((row, index) => {
    const cells = row.map(cellText);
    if (cells.some((c) => c !== '')) records.push({ line: index + 1, cells });
  });
  return records;
}
