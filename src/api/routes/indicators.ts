import { IndicatorSchema } from '../../domain';
import { PageQuerySchema, clearedNulls, compact } from '../query';
import { sendCreated, sendItem, sendPage } from '../reply';
import { callerOf, ifMatch, itemParam, type RouteDeps, type RouteTable } from '../route';
import { idempotencyKey, sameRequest } from '../idempotency';
import { parseBody, parseQuery } from '../validate';

// the day an indicator is archived is the server's to write
const IndicatorBody = IndicatorSchema.omit({ archivedOn: true });
/** A change; null clears an optional field (the description, the target, the KPI id, the unit types, the groups). */
const IndicatorPatchBody = IndicatorBody.partial().extend({
  description: IndicatorSchema.shape.description.nullable(),
  target: IndicatorSchema.shape.target.nullable(),
  koladaKpi: IndicatorSchema.shape.koladaKpi.nullable(),
  goalId: IndicatorSchema.shape.goalId.nullable(),
  unitTypes: IndicatorSchema.shape.unitTypes.nullable(),
  groups: IndicatorSchema.shape.groups.nullable(),
});

export function indicatorRoutes(routes: RouteTable, { services }: RouteDeps): void {
  routes.add('get', '/indicators', 'units.list', async (req, res) => {
    const query = parseQuery(PageQuerySchema, req.query);
    sendPage(res, await services.indicators.list(callerOf(res), compact(query)));
  });

  routes.add('post', '/indicators', 'organizer.edit', async (req, res) => {
    const input = compact(parseBody(IndicatorBody, req.body));
    const indicator = await services.indicators.create(callerOf(res), input, idempotencyKey(req));
    sendCreated(res, sameRequest(req, input, indicator), `/api/indicators/${indicator.id}`);
  });

  routes.add('patch', '/indicators/:id', 'organizer.edit', async (req, res) => {
    const patch = parseBody(IndicatorPatchBody, req.body);
    sendItem(res, await services.indicators.update(callerOf(res), itemParam(req), clearedNulls(compact(patch)), ifMatch(req)));
  });

  routes.add('post', '/indicators/:id/archive', 'organizer.edit', async (req, res) => {
    sendItem(res, await services.indicators.archive(callerOf(res), itemParam(req), ifMatch(req)));
  });

  routes.add('post', '/indicators/:id/restore', 'organizer.edit', async (req, res) => {
    sendItem(res, await services.indicators.restore(callerOf(res), itemParam(req), ifMatch(req)));
  });
}
