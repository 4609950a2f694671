/**
 * Setting a municipality up: importing units from Skolverket's school-unit register (its statuses,
 * what an import does to each unit and why) and the set-up guide's steps. Plain constants, so the
 * tab takes its lists from here too.
 */

/** A unit's status in the register (CodeSchoolUnitStatus): only AKTIV units run today. */
export const registerStatuses = ['AKTIV', 'VILANDE', 'UPPHORT', 'PLANERAD'] as const;
export type RegisterStatus = (typeof registerStatuses)[number];

/** What importing does to a unit of the register. */
export const unitImportChanges = ['create', 'update', 'unchanged', 'skipped', 'refused'] as const;
export type UnitImportChange = (typeof unitImportChanges)[number];

/**
 * Why a unit is skipped or refused: not active in the register, archived here, without a school
 * form to tell its type by, twice in one file, or not a valid unit.
 */
export const unitImportReasons = ['notActive', 'archived', 'noSchoolForm', 'duplicateInFile', 'invalid'] as const;
export type UnitImportReason = (typeof unitImportReasons)[number];

/**
 * The set-up guide's steps, in the order a municipality takes them: its units, their principals
 * and staff groups, the indicators, the school year's goals and prioritized areas, the year wheel.
 */
export const setupSteps = ['units', 'people', 'indicators', 'goals', 'yearWheel'] as const;
export type SetupStep = (typeof setupSteps)[number];
