import { DeficiencySchema } from '../../domain';
import { PageQuerySchema, compact } from '../query';
import { sendCreated, sendItem, sendPage } from '../reply';
import { callerOf, ifMatch, itemParam, param, type RouteDeps, type RouteTable } from '../route';
import { idempotencyKey, sameRequest } from '../idempotency';
import { parseBody, parseQuery } from '../validate';

const DeficiencyBody = DeficiencySchema.omit({ unitId: true, status: true, closedOn: true });
const DeficiencyPatchBody = DeficiencySchema.omit({ unitId: true }).partial();

export function deficiencyRoutes(routes: RouteTable, { services }: RouteDeps): void {
  routes.add('get', '/units/:unitId/deficiencies', 'unit.read', async (req, res) => {
    const query = parseQuery(PageQuerySchema, req.query);
    sendPage(res, await services.deficiencies.list(callerOf(res), param(req, 'unitId'), compact(query)));
  });

  routes.add('post', '/units/:unitId/deficiencies', 'unit.edit', async (req, res) => {
    const input = parseBody(DeficiencyBody, req.body);
    const deficiency = await services.deficiencies.create(callerOf(res), param(req, 'unitId'), input, idempotencyKey(req));
    sendCreated(res, sameRequest(req, input, deficiency), `/api/deficiencies/${deficiency.id}`);
  });

  routes.add('patch', '/deficiencies/:id', 'unit.edit', async (req, res) => {
    const patch = parseBody(DeficiencyPatchBody, req.body);
    sendItem(res, await services.deficiencies.update(callerOf(res), itemParam(req), compact(patch), ifMatch(req)));
  });
}
