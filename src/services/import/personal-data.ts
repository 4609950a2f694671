import { containsPersonalIdentityNumber, personalIdentityMessage } from '../../domain';
import type { CsvRecord } from './csv';
import type { ImportError } from './types';

/**
 * A results file holds aggregates. One with a personnummer in any cell holds data about
 * individual pupils: the whole file is refused, one error per line naming the column, and the
 * number itself is never echoed back.
 */
export function personalIdentityErrors(records: readonly CsvRecord[]): ImportError[] {
  const errors: ImportError[] = [];
  for (const record of records) {
    const column = record.cells.findIndex(containsPersonalIdentityNumber);
    if (column >= 0) {
      errors.push({ line: record.line, field: `kolumn ${column + 1}`, message: `${personalIdentityMessage} Importera bara sammanställda resultat.` });
    }
  }
  return errors;
}
