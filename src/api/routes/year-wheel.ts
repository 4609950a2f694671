
import { schoolYear, schoolYearOf, YearWheelActivitySchema } from '../../domain';
import { PageQuerySchema, compact } from '../query';
import { sendCreated, sendItem, sendPage } from '../reply';
import { callerOf, ifMatch, itemParam, type RouteDeps, type RouteTable } from '../route';
import { idempotencyKey, sameRequest } from '../idempotency';
import { parseBody, parseQuery } from '../validate';

const YearWheelPatchBody = YearWheelActivitySchema.partial();
const YearWheelQuery = PageQuerySchema.extend({ schoolYear: schoolYear.optional() });

export function yearWheelRoutes(routes: RouteTable, { services }: RouteDeps): void {
  routes.add('get', '/year-wheel', 'units.list', async (req, res) => {
    const { schoolYear: year, ...page } = parseQuery(YearWheelQuery, req.query);
    sendPage(res, await services.yearWheel.list(callerOf(res), year ?? schoolYearOf(new Date()), compact(page)));
  });

  // The administration writes the municipality's activities; a principal their unit's own.
  routes.add('post', '/year-wheel', 'unit.edit', async (req, res) => {
    const input = parseBody(YearWheelActivitySchema, req.body);
    const activity = await services.yearWheel.create(callerOf(res), input, idempotencyKey(req));
    sendCreated(res, sameRequest(req, input, activity), `/api/year-wheel/${activity.id}`);
  });

  routes.add('patch', '/year-wheel/:id', 'unit.edit', async (req, res) => {
    const patch = parseBody(YearWheelPatchBody, req.body);
    sendItem(res, await services.yearWheel.update(callerOf(res), itemParam(req), compact(patch), ifMatch(req)));
  });

  routes.add('delete', '/year-wheel/:id', 'unit.edit', async (req, res) => {
    await services.yearWheel.delete(callerOf(res), itemParam(req), ifMatch(req));
    res.status(204).end();
  });
}

