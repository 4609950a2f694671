import { IndicatorSchema } from '../../domain';
import { PageQuerySchema, compact } from '../query';
import { sendCreated, sendItem, sendPage } from '../reply';
import { callerOf, ifMatch, itemParam, type RouteDeps, type RouteTable } from '../route';
import { idempotencyKey, sameRequest } from '../idempotency';
import { parseBody, parseQuery } from '../validate';

const IndicatorPatchBody = IndicatorSchema.partial();

export function indicatorRoutes(routes: RouteTable, { services }: RouteDeps): void {
  routes.add('get', '/indicators', 'units.list', async (req, res) => {
    const query = parseQuery(PageQuerySchema, req.query);
    sendPage(res, await services.indicators.list(callerOf(res), compact(query)));
  });

  routes.add('post', '/indicators', 'organizer.edit', async (req, res) => {
    const input = parseBody(IndicatorSchema, req.body);
    const indicator = await services.indicators.create(callerOf(res), input, idempotencyKey(req));
    sendCreated(res, sameRequest(req, input, indicator), `/api/indicators/${indicator.id}`);
  });

  routes.add('patch', '/indicators/:id', 'organizer.edit', async (req, res) => {
    const patch = parseBody(IndicatorPatchBody, req.body);
    sendItem(res, await services.indicators.update(callerOf(res), itemParam(req), compact(patch), ifMatch(req)));
  });
}
