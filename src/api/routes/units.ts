import { z } from 'zod';
import type { Overview } from '../../contract';
import { UnitSchema, languages, schoolYear } from '../../domain';
import { isBoardOnly } from '../board';
import { presentOverview } from '../presenters/overview';
import { compact, moveOf } from '../query';
import { sendAll, sendCreated, sendItem, sendJson } from '../reply';
import { idempotencyKey, sameRequest } from '../idempotency';
import { callerOf, ifMatch, param, type RouteDeps, type RouteTable } from '../route';
import { parseBody, parseQuery } from '../validate';

const UnitBody = UnitSchema.pick({ name: true, type: true, schoolUnitCode: true, principalIds: true, staffGroupId: true, koladaId: true })
  .partial({ principalIds: true, staffGroupId: true, koladaId: true });
const UnitPatchBody = UnitSchema.pick({ name: true, type: true, schoolUnitCode: true, principalIds: true, staffGroupId: true, koladaId: true }).partial();
const ChannelBody = z.strictObject({ teamId: z.string().trim().min(1).max(255), channelId: z.string().trim().min(1).max(255) });
const SearchQuery = z.object({
  search: z.string().max(100).optional(),
  /** `include`: the archived units too (the administration's list, to restore them) */
  archived: z.literal('include').optional(),
});
const ByChannelQuery = z.object({ teamId: z.string().min(1).max(255), channelId: z.string().min(1).max(255) });
const OverviewQuery = z.object({ schoolYear: schoolYear.optional() });
const ReportQuery = z.object({ schoolYear: schoolYear.optional(), language: z.enum(languages).optional() });

export function unitRoutes(routes: RouteTable, { services }: RouteDeps): void {
  routes.add('get', '/units', 'units.list', async (req, res) => {
    const { search, archived } = parseQuery(SearchQuery, req.query);
    sendAll(res, await services.units.list(callerOf(res), search, archived === 'include' ? 'withArchived' : 'active'));
  });

  routes.add('post', '/units', 'organizer.edit', async (req, res) => {
    const input = parseBody(UnitBody, req.body);
    const unit = await services.units.create(callerOf(res), compact(input), idempotencyKey(req));
    sendCreated(res, sameRequest(req, input, unit), `/api/units/${unit.id}`);
  });

  // before /units/:unitId, which would otherwise take "by-channel" as an id
  routes.add('get', '/units/by-channel', 'units.list', async (req, res) => {
    const { teamId, channelId } = parseQuery(ByChannelQuery, req.query);
    sendItem(res, await services.units.byChannel(callerOf(res), teamId, channelId));
  });

  routes.add('get', '/units/:unitId', 'unit.read', async (req, res) => {
    sendItem(res, await services.units.get(callerOf(res), param(req, 'unitId')));
  });

  routes.add('patch', '/units/:unitId', 'unit.edit', async (req, res) => {
    const patch = parseBody(UnitPatchBody, req.body);
    sendItem(res, await services.units.update(callerOf(res), param(req, 'unitId'), compact(patch), ifMatch(req)));
  });

  routes.add('post', '/units/:unitId/archive', 'organizer.edit', async (req, res) => {
    sendItem(res, await services.units.archive(callerOf(res), param(req, 'unitId'), ifMatch(req)));
  });

  routes.add('post', '/units/:unitId/restore', 'organizer.edit', async (req, res) => {
    sendItem(res, await services.units.restore(callerOf(res), param(req, 'unitId'), ifMatch(req)));
  });

  routes.add('put', '/units/:unitId/channel', 'unit.configure', async (req, res) => {
    const channel = parseBody(ChannelBody, req.body);
    sendItem(res, await services.units.setChannel(callerOf(res), param(req, 'unitId'), channel, moveOf(req)));
  });

  routes.add('get', '/units/:unitId/overview', 'unit.read', async (req, res) => {
    const query = parseQuery(OverviewQuery, req.query);
    const overview = await services.overview.overview(callerOf(res), param(req, 'unitId'), query.schoolYear);
    sendJson<Overview>(res, presentOverview(overview));
  });

  // The unit's quality report as a .docx file, in the reader's language (Swedish unless asked).
  routes.add('get', '/units/:unitId/report.docx', 'unit.read', async (req, res) => {
    const query = parseQuery(ReportQuery, req.query);
    const caller = callerOf(res);
    const report = await services.reports.unitReport(caller, param(req, 'unitId'), {
      language: query.language ?? 'sv',
      ...(query.schoolYear !== undefined ? { schoolYear: query.schoolYear } : {}),
      ...(isBoardOnly(caller) ? { boardSafe: true } : {}),
    });
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    res.setHeader('Content-Disposition', `attachment; filename="${report.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(report.fileName)}`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(report.file);
  });
}
