/**
 * What importing the register's units would do, computed from the register's units and the stored
 * ones (pure): each unit is created, updated (name, unit type), left unchanged, skipped (not
 * active in the register, or archived here) or refused (no unit type can be told); stored units
 * the register does not have are listed, never removed.
 */
import {
  UnitSchema, isArchived, type RegisterStatus, type Unit, type UnitImportChange, type UnitImportReason, type UnitType,
} from '../../domain';
import { unitTypeOf, type RegisterUnit } from '../../register/school-units';
import type { StoredItem } from '../../store/port';

export interface UnitImportOptions {
  /** the unit type of new units whose school forms the register's answer does not name (a list file) */
  readonly defaultType?: UnitType;
  /** offer units that are dormant (VILANDE) or planned (PLANERAD) too; closed ones (UPPHORT) never */
  readonly includeInactive?: boolean;
}

export interface UnitImportRow {
  readonly schoolUnitCode: string;
  readonly name: string;
  readonly status: RegisterStatus;
  /** the unit type it gets (or keeps) */
  readonly type?: UnitType;
  readonly change: UnitImportChange;
  readonly reason?: UnitImportReason;
  /** the stored unit it matches */
  readonly unitId?: string;
  readonly previousName?: string;
  readonly previousType?: UnitType;
}

export interface MissingUnit {
  readonly unitId: string;
  readonly name: string;
  readonly schoolUnitCode: string;
}

export interface UnitImportPlan {
  readonly rows: readonly UnitImportRow[];
  /** stored units in use that the register's answer does not have: listed, never archived by an import */
  readonly missing: readonly MissingUnit[];
}

function offered(status: RegisterStatus, options: UnitImportOptions): boolean {
  return status === 'AKTIV' || (options.includeInactive === true && (status === 'VILANDE' || status === 'PLANERAD'));
}

/** Whether a unit's register status is offered with these options (whose details are then read). */
export function isOffered(unit: Pick<RegisterUnit, 'status'>, options: UnitImportOptions): boolean {
  return offered(unit.status, options);
}

function rowFor(unit: RegisterUnit, stored: StoredItem<Unit> | undefined, options: UnitImportOptions): UnitImportRow {
  const base = { schoolUnitCode: unit.schoolUnitCode, name: unit.name, status: unit.status };
  const told = unit.schoolTypes ? unitTypeOf(unit.schoolTypes) : undefined;
  if (!stored) {
    if (!offered(unit.status, options)) return { ...base, change: 'skipped', reason: 'notActive' };
    const type = told ?? options.defaultType;
    if (type === undefined) return { ...base, change: 'refused', reason: 'noSchoolForm' };
    const valid = UnitSchema.safeParse({ name: unit.name, type, schoolUnitCode: unit.schoolUnitCode, principalIds: [] }).success;
    return valid ? { ...base, type, change: 'create' } : { ...base, type, change: 'refused', reason: 'invalid' };
  }
  const known = { unitId: stored.id, previousName: stored.fields.name, previousType: stored.fields.type };
  // a re-import keeps the type the administration chose when the answer names no school forms
  const type = told ?? stored.fields.type;
  if (isArchived(stored.fields)) return { ...base, type: stored.fields.type, change: 'skipped', reason: 'archived', ...known };
  if (!offered(unit.status, options)) return { ...base, type: stored.fields.type, change: 'skipped', reason: 'notActive', ...known };
  if (!UnitSchema.shape.name.safeParse(unit.name).success) return { ...base, type, change: 'refused', reason: 'invalid', ...known };
  const same = stored.fields.name === unit.name && stored.fields.type === type;
  return { ...base, type, change: same ? 'unchanged' : 'update', ...known };
}

export function planUnitImport(register: readonly RegisterUnit[], stored: readonly StoredItem<Unit>[], options: UnitImportOptions): UnitImportPlan {
  const byCode = new Map(stored.map((unit) => [unit.fields.schoolUnitCode, unit]));
  const seen = new Set<string>();
  const rows = register.map((unit): UnitImportRow => {
    if (seen.has(unit.schoolUnitCode)) return { schoolUnitCode: unit.schoolUnitCode, name: unit.name, status: unit.status, change: 'refused', reason: 'duplicateInFile' };
    seen.add(unit.schoolUnitCode);
    return rowFor(unit, byCode.get(unit.schoolUnitCode), options);
  });
  const missing = stored
    .filter((unit) => !isArchived(unit.fields) && !seen.has(unit.fields.schoolUnitCode))
    .map((unit) => ({ unitId: unit.id, name: unit.fields.name, schoolUnitCode: unit.fields.schoolUnitCode }))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  return { rows: [...rows].sort((a, b) => a.name.localeCompare(b.name, 'sv')), missing };
}
