/**
 * Setting a municipality up: where it stands (`GET /setup`, for everyone signed in, with the
 * guide's steps for the administration), the directory the administration finds principals and
 * staff groups in, and units imported from Skolverket's school-unit register.
 */
import { z } from 'zod';
import type { DirectoryGroups, DirectoryPeople, Setup, UnitImportPreview, UnitImportResult } from '../../contract';
import { objectId, schoolYear, unitTypes } from '../../domain';
import { directoryPageSize, directorySearchMinimum } from '../../services/directory-service';
import { ImportFailedError } from '../../services/import/import-service';
import { presentDirectoryGroups, presentDirectoryPeople, presentSetup, presentUnitImportPreview, presentUnitImportResult } from '../presenters/setup';
import { problem } from '../problems';
import { sendJson } from '../reply';
import { callerOf, type RouteDeps, type RouteTable } from '../route';
import { parseBody, parseQuery } from '../validate';
import { importBodyLimit } from './organizer';

const SetupQuery = z.object({ schoolYear: schoolYear.optional() });

/** A search of at least two characters, or the ids of those already chosen (at most a page). */
const DirectorySearchQuery = z.strictObject({ search: z.string().trim().min(directorySearchMinimum).max(100) });
const DirectoryIdsQuery = z.strictObject({
  ids: z.string().max(2_000).transform((value) => value.split(',').map((id) => id.trim()).filter((id) => id !== '')).pipe(z.array(objectId).min(1).max(directoryPageSize)),
});

function directoryQuery(query: unknown): { search: string } | { ids: string[] } {
  return typeof query === 'object' && query !== null && 'ids' in query ? parseQuery(DirectoryIdsQuery, query) : parseQuery(DirectorySearchQuery, query);
}

const UnitImportBody = z.strictObject({
  source: z.discriminatedUnion('kind', [
    // the register's JSON may be a whole municipality's details: as large as a result import
    z.strictObject({ kind: z.literal('file'), json: z.string().min(2).max(importBodyLimit) }),
    z.strictObject({ kind: z.literal('municipality'), municipalityCode: z.string().regex(/^\d{4}$/, 'kommunkoden har fyra siffror') }),
  ]),
  defaultType: z.enum(unitTypes).optional(),
  includeInactive: z.boolean().optional(),
});

export function setupRoutes(routes: RouteTable, { services }: RouteDeps): void {
  routes.add('get', '/setup', 'me.read', async (req, res) => {
    const query = parseQuery(SetupQuery, req.query);
    const status = await services.setup.status(callerOf(res), query.schoolYear ?? services.rollups.currentSchoolYear());
    sendJson<Setup>(res, presentSetup(status));
  });

  routes.add('get', '/directory/people', 'organizer.edit', async (req, res) => {
    const query = directoryQuery(req.query);
    const caller = callerOf(res);
    const people = 'search' in query ? await services.directory.searchPeople(caller, query.search) : await services.directory.people(caller, query.ids);
    sendJson<DirectoryPeople>(res, presentDirectoryPeople(people));
  });

  routes.add('get', '/directory/groups', 'organizer.edit', async (req, res) => {
    const query = directoryQuery(req.query);
    const caller = callerOf(res);
    const groups = 'search' in query ? await services.directory.searchGroups(caller, query.search) : await services.directory.groups(caller, query.ids);
    sendJson<DirectoryGroups>(res, presentDirectoryGroups(groups));
  });

  routes.add('post', '/organizer/unit-imports/preview', 'organizer.edit', async (req, res) => {
    const body = parseBody(UnitImportBody, req.body);
    sendJson<UnitImportPreview>(res, presentUnitImportPreview(await services.unitImports.preview(callerOf(res), body)));
  }, { bodyLimitBytes: importBodyLimit });

  routes.add('post', '/organizer/unit-imports', 'organizer.edit', async (req, res) => {
    const body = parseBody(UnitImportBody, req.body);
    try {
      sendJson<UnitImportResult>(res, presentUnitImportResult(await services.unitImports.commit(callerOf(res), body)));
    } catch (error) {
      if (!(error instanceof ImportFailedError)) throw error;
      const detail = error.leftBehind.length === 0
        ? 'Importen avbröts och det som hann sparas togs bort igen. Försök igen.'
        : `Importen avbröts; ${error.leftBehind.length} enheter kunde inte tas bort igen.`;
      throw problem('conflict', { detail });
    }
  }, { bodyLimitBytes: importBodyLimit });
}
