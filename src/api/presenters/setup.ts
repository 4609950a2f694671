import type { DirectoryGroups, DirectoryPeople, Setup, UnitImportPreview, UnitImportResult, UnitImportSummary } from '../../contract';
import type { Group, Person } from '../../auth/directory';
import type { SetupStatus } from '../../services';
import type { UnitImportPreview as Preview, UnitImportResult as Result } from '../../services/unit-import/unit-import-service';

/** `GET /setup`: whether the product is set up, whom to ask, and for the administration the guide's steps. */
export function presentSetup(status: SetupStatus): Setup {
  return {
    configured: status.configured,
    contact: status.contact,
    schoolYear: status.schoolYear,
    ...(status.steps ? { steps: status.steps.map((step) => ({ ...step })) } : {}),
  };
}

/** `GET /directory/people`: people found, with their address where the directory has it. */
export function presentDirectoryPeople(people: readonly Person[]): DirectoryPeople {
  return { items: people.map((person) => ({ userId: person.userId, name: person.name, ...(person.mail !== undefined ? { mail: person.mail } : {}) })) };
}

/** `GET /directory/groups`: groups found. */
export function presentDirectoryGroups(groups: readonly Group[]): DirectoryGroups {
  return { items: groups.map((group) => ({ groupId: group.groupId, name: group.name, ...(group.mail !== undefined ? { mail: group.mail } : {}) })) };
}

function summaryOf(preview: Preview): UnitImportSummary {
  const count = (change: string) => preview.rows.filter((row) => row.change === change).length;
  return {
    from: preview.from, units: preview.rows.length, create: count('create'), update: count('update'), unchanged: count('unchanged'),
    skipped: count('skipped'), refused: count('refused'), missing: preview.missing.length,
  };
}

/** `POST /organizer/unit-imports/preview`: every unit of the register (at most a municipality's) and what importing does to it. */
export function presentUnitImportPreview(preview: Preview): UnitImportPreview {
  return { rows: preview.rows.map((row) => ({ ...row })), missing: preview.missing.map((unit) => ({ ...unit })), summary: summaryOf(preview) };
}

/** `POST /organizer/unit-imports`: what the import did. */
export function presentUnitImportResult(result: Result): UnitImportResult {
  return { created: result.created, updated: result.updated, unchanged: result.unchanged, summary: summaryOf(result.preview) };
}
