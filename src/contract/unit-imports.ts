/**
 * Units from Skolverket's school-unit register: `POST /organizer/unit-imports/preview` (what the
 * import would do to each unit) and `POST /organizer/unit-imports` (what it did).
 */
import { z } from 'zod';
import { registerStatuses, schoolUnitCode, unitImportChanges, unitImportReasons, unitTypes } from '../domain';
import { listOf } from './item';

/** One unit of the register and what importing does to it. */
export const UnitImportRowSchema = z.strictObject({
  schoolUnitCode,
  name: z.string().min(1),
  status: z.enum(registerStatuses),
  /** the unit type it gets, or keeps */
  type: z.enum(unitTypes).optional(),
  change: z.enum(unitImportChanges),
  reason: z.enum(unitImportReasons).optional(),
  /** the stored unit it matches */
  unitId: z.string().min(1).optional(),
  previousName: z.string().min(1).optional(),
  previousType: z.enum(unitTypes).optional(),
});
export type UnitImportRow = z.infer<typeof UnitImportRowSchema>;

/** A stored unit in use that the register's answer does not have: listed, never archived by the import. */
export const MissingUnitSchema = z.strictObject({ unitId: z.string().min(1), name: z.string().min(1), schoolUnitCode });
export type MissingUnit = z.infer<typeof MissingUnitSchema>;

const count = z.number().int().min(0);

export const UnitImportSummarySchema = z.strictObject({
  /** what the units were read from: the register's list (names only), its details, or the register itself */
  from: z.enum(['list', 'details', 'register']),
  units: count,
  create: count,
  update: count,
  unchanged: count,
  skipped: count,
  refused: count,
  missing: count,
});
export type UnitImportSummary = z.infer<typeof UnitImportSummarySchema>;

export const UnitImportPreviewSchema = z.strictObject({
  rows: listOf(UnitImportRowSchema),
  missing: listOf(MissingUnitSchema),
  summary: UnitImportSummarySchema,
});
export type UnitImportPreview = z.infer<typeof UnitImportPreviewSchema>;

export const UnitImportResultSchema = z.strictObject({
  created: count,
  updated: count,
  unchanged: count,
  summary: UnitImportSummarySchema,
});
export type UnitImportResult = z.infer<typeof UnitImportResultSchema>;
