import { itemId, MeasurementSchema } from '../../domain';
import { SchoolYearQuerySchema, compact } from '../query';
import { sendCreated, sendPage } from '../reply';
import { callerOf, param, type RouteDeps, type RouteTable } from '../route';
import { idempotencyKey, sameRequest } from '../idempotency';
import { parseBody, parseQuery } from '../validate';

const MeasurementBody = MeasurementSchema.omit({ unitId: true, schoolYear: true });
const MeasurementQuery = SchoolYearQuerySchema.extend({ indicatorId: itemId.optional() });

export function measurementRoutes(routes: RouteTable, { services }: RouteDeps): void {
  routes.add('get', '/units/:unitId/measurements', 'unit.read', async (req, res) => {
    const query = parseQuery(MeasurementQuery, req.query);
    sendPage(res, await services.measurements.list(callerOf(res), param(req, 'unitId'), compact(query)));
  });

  routes.add('post', '/units/:unitId/measurements', 'unit.edit', async (req, res) => {
    const input = parseBody(MeasurementBody, req.body);
    const measurement = await services.measurements.create(callerOf(res), param(req, 'unitId'), input, idempotencyKey(req));
    sendCreated(res, sameRequest(req, input, measurement), `/api/measurements/${measurement.id}`);
  });
}
