import { z } from 'zod';
import { itemId, MeasurementSchema } from '../../domain';
import { SchoolYearQuerySchema, compact } from '../query';
import { sendCreated, sendItem, sendPage } from '../reply';
import { callerOf, ifMatch, itemParam, param, type RouteDeps, type RouteTable } from '../route';
import { parseBody, parseQuery } from '../validate';

// an import's trail is the import's own: a user enters a result without it
const MeasurementBody = MeasurementSchema.omit({ unitId: true, schoolYear: true, importId: true, beforeImport: true });
/** A correction: the total, the groups (the whole breakdown), or both. */
const MeasurementPatchBody = z.strictObject({ value: MeasurementSchema.shape.value.optional(), groups: MeasurementSchema.shape.groups });
const MeasurementQuery = SchoolYearQuerySchema.extend({ indicatorId: itemId.optional() });

export function measurementRoutes(routes: RouteTable, { services }: RouteDeps): void {
  routes.add('get', '/units/:unitId/measurements', 'unit.read', async (req, res) => {
    const query = parseQuery(MeasurementQuery, req.query);
    sendPage(res, await services.measurements.list(callerOf(res), param(req, 'unitId'), compact(query)));
  });

  // One result per indicator, unit and period: a retried create finds it by that, so no Idempotency-Key is needed.
  routes.add('post', '/units/:unitId/measurements', 'results.enter', async (req, res) => {
    const input = parseBody(MeasurementBody, req.body);
    const measurement = await services.measurements.create(callerOf(res), param(req, 'unitId'), compact(input));
    sendCreated(res, measurement, `/api/measurements/${measurement.id}`);
  });

  routes.add('patch', '/measurements/:id', 'results.enter', async (req, res) => {
    const patch = parseBody(MeasurementPatchBody, req.body);
    sendItem(res, await services.measurements.update(callerOf(res), itemParam(req), compact(patch), ifMatch(req)));
  });
}
