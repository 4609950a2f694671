import { z } from 'zod';
import { itemId, period, schoolYear } from './common';
import { freeText } from './text';

/** A value for a group (flickor, pojkar, åk 9, ...): an aggregate, never a person. */
export const groupValue = z.strictObject({
  group: freeText(100).pipe(z.string().min(1)),
  value: z.number().finite(),
});

/** What users saw of a result before an import changed it: what they keep seeing until that import is complete. */
export const ResultBeforeImportSchema = z.strictObject({
  value: z.number().finite(),
  groups: z.array(groupValue).max(50).optional(),
});
export type ResultBeforeImport = z.infer<typeof ResultBeforeImportSchema>;

/**
 * Where a result came from, when an import wrote it: the import (its job's id) and, when the
 * import changed a result that was there, what users saw before. A result typed or corrected by
 * hand carries neither (see result-import.ts for what counts).
 */
export const importTrail = {
  importId: itemId.optional(),
  beforeImport: ResultBeforeImportSchema.optional(),
};
export const ImportTrailSchema = z.strictObject(importTrail);
export type ImportTrail = z.infer<typeof ImportTrailSchema>;

/** One result: an indicator's value for a unit in a period, optionally broken down by group. */
export const MeasurementSchema = z.strictObject({
  indicatorId: itemId,
  unitId: itemId,
  period,
  schoolYear,
  value: z.number().finite(),
  groups: z.array(groupValue).max(50).optional(),
  ...importTrail,
});
export type Measurement = z.infer<typeof MeasurementSchema>;

/** Kolada's municipality id: the four-digit kommunkod ("1480" Göteborg). */
export const municipalityId = z.string().regex(/^\d{4}$/, 'kommunkoden har fyra siffror');

/**
 * The municipality's own result, as Kolada publishes it: an indicator's value for the whole
 * municipality in a period (not computed from the units), optionally by group. An aggregate, never a person.
 */
export const MunicipalityResultSchema = z.strictObject({
  indicatorId: itemId,
  municipalityId,
  period,
  schoolYear,
  value: z.number().finite(),
  groups: z.array(groupValue).max(50).optional(),
  source: z.literal('kolada'),
  ...importTrail,
});
export type MunicipalityResult = z.infer<typeof MunicipalityResultSchema>;
