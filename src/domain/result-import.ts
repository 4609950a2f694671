import { z } from 'zod';
import { isoDateTime, itemId } from './common';
import type { ImportTrail, ResultBeforeImport } from './measurement';

/** Where a result import is: its rows count for users only once it is `done`. */
export const resultImportStates = ['running', 'done', 'failed'] as const;
export type ResultImportState = (typeof resultImportStates)[number];

/**
 * A result import as views need to know it: one small item per import (never its rows), written
 * by the import worker when it starts, completes or fails. Mirrored with the results, so a view
 * learns which imports are complete in the same round trip that brings the results.
 */
export const ResultImportSchema = z.strictObject({
  /** the import's job in the Jobs list: the `importId` its results carry */
  jobId: itemId,
  state: z.enum(resultImportStates),
  changedAt: isoDateTime,
});
export type ResultImport = z.infer<typeof ResultImportSchema>;

/** The fields of a result that an import may write. */
type Result = ImportTrail & { readonly value: number; readonly groups?: ResultBeforeImport['groups'] };

/**
 * A result as users see it, or undefined when they do not see it at all. Imports are all or
 * nothing from the users' view: a result an import wrote counts once that import is complete
 * (`isComplete`); until then a result it changed shows what it was before, and one it created
 * does not show. An import that failed is never complete, nor one not known yet.
 */
export function resultAsSeen<T extends Result>(fields: T, isComplete: (importId: string) => boolean): T | undefined {
  if (fields.importId === undefined || isComplete(fields.importId)) return fields;
  const before = fields.beforeImport;
  if (before === undefined) return undefined;
  const { groups: _changed, importId: _import, beforeImport: _before, ...rest } = fields;
  return { ...rest, value: before.value, ...(before.groups ? { groups: before.groups } : {}) } as unknown as T;
}
