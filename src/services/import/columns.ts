import type { CsvRecord } from './csv';
import { nameKey } from '../../domain';

/** A header cell as compared: lower case, no spaces, underscores or hyphens. */
export function headerKey(cell: string): string {
  return nameKey(cell).replace(/[\s_-]+/g, '');
}

/** The index of the first header cell among `names` (compared by headerKey), or -1. */
export function columnIndex(header: CsvRecord, names: readonly string[]): number {
  const keys = new Set(names.map(headerKey));
  return header.cells.findIndex((cell) => keys.has(headerKey(cell)));
}

/** The cell at `index`, trimmed; '' when the row is short. */
export function cellAt(record: CsvRecord, index: number): string {
  return index < 0 ? '' : (record.cells[index] ?? '').trim();
}
