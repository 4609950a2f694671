import { z } from 'zod';
import type { Overview } from '../../contract';
import { UnitSchema, schoolYear } from '../../domain';
import { presentOverview } from '../presenters/overview';
import { compact, moveOf } from '../query';
import { sendAll, sendItem, sendJson } from '../reply';
import { callerOf, ifMatch, param, type RouteDeps, type RouteTable } from '../route';
import { parseBody, parseQuery } from '../validate';

const UnitPatchBody = UnitSchema.pick({ name: true, type: true, schoolUnitCode: true, principalIds: true, staffGroupId: true }).partial();
const ChannelBody = z.strictObject({ teamId: z.string().trim().min(1).max(255), channelId: z.string().trim().min(1).max(255) });
const SearchQuery = z.object({ search: z.string().max(100).optional() });
const ByChannelQuery = z.object({ teamId: z.string().min(1).max(255), channelId: z.string().min(1).max(255) });
const OverviewQuery = z.object({ schoolYear: schoolYear.optional() });

export function unitRoutes(routes: RouteTable, { services }: RouteDeps): void {
  routes.add('get', '/units', 'units.list', async (req, res) => {
    const { search } = parseQuery(SearchQuery, req.query);
    sendAll(res, await services.units.list(callerOf(res), search));
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

  routes.add('put', '/units/:unitId/channel', 'unit.configure', async (req, res) => {
    const channel = parseBody(ChannelBody, req.body);
    sendItem(res, await services.units.setChannel(callerOf(res), param(req, 'unitId'), channel, moveOf(req)));
  });

  routes.add('get', '/units/:unitId/overview', 'unit.read', async (req, res) => {
    const query = parseQuery(OverviewQuery, req.query);
    const overview = await services.overview.overview(callerOf(res), param(req, 'unitId'), query.schoolYear);
    sendJson<Overview>(res, presentOverview(overview));
  });
}
