import { z } from 'zod';
import type { DeficiencyRegister } from '../../contract';
import { DeficiencySchema, deficiencySources, deficiencyStatuses } from '../../domain';
import { presentRegister } from '../presenters/deficiencies';
import { PageQuerySchema, compact } from '../query';
import { sendCreated, sendItem, sendJson, sendPage } from '../reply';
import { callerOf, ifMatch, itemParam, param, type RouteDeps, type RouteTable } from '../route';
import { idempotencyKey, sameRequest } from '../idempotency';
import { isBoardOnly } from '../board';
import { parseBody, parseQuery } from '../validate';

const DeficiencyBody = DeficiencySchema.omit({ unitId: true, status: true, closedOn: true });
const DeficiencyPatchBody = DeficiencySchema.omit({ unitId: true }).partial();
const RegisterQuery = z.object({
  source: z.enum(deficiencySources).optional(),
  status: z.enum(deficiencyStatuses).optional(),
  overdue: z.stringbool().optional(),
  withoutAction: z.stringbool().optional(),
});

export function deficiencyRoutes(routes: RouteTable, { services }: RouteDeps): void {
  routes.add('get', '/units/:unitId/deficiencies', 'unit.read', async (req, res) => {
    const query = parseQuery(PageQuerySchema, req.query);
    sendPage(res, await services.deficiencies.list(callerOf(res), param(req, 'unitId'), compact(query)));
  });

  routes.add('get', '/units/:unitId/deficiency-register', 'unit.read', async (req, res) => {
    const filter = parseQuery(RegisterQuery, req.query);
    const caller = callerOf(res);
    const entries = await services.deficiencies.register(caller, param(req, 'unitId'), compact(filter));
    sendJson<DeficiencyRegister>(res, presentRegister(entries, { boardSafe: isBoardOnly(caller) }));
  });

  routes.add('get', '/organizer/deficiencies', 'organizer.read', async (req, res) => {
    const filter = parseQuery(RegisterQuery, req.query);
    const caller = callerOf(res);
    const entries = await services.deficiencies.organizerRegister(caller, compact(filter));
    sendJson<DeficiencyRegister>(res, presentRegister(entries, { boardSafe: isBoardOnly(caller) }));
  });

  routes.add('post', '/units/:unitId/deficiencies', 'unit.edit', async (req, res) => {
    const input = parseBody(DeficiencyBody, req.body);
    const deficiency = await services.deficiencies.create(callerOf(res), param(req, 'unitId'), compact(input), idempotencyKey(req));
    sendCreated(res, sameRequest(req, input, deficiency), `/api/deficiencies/${deficiency.id}`);
  });

  routes.add('patch', '/deficiencies/:id', 'unit.edit', async (req, res) => {
    const patch = parseBody(DeficiencyPatchBody, req.body);
    sendItem(res, await services.deficiencies.update(callerOf(res), itemParam(req), compact(patch), ifMatch(req)));
  });
}
