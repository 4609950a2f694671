import { AnalysisSchema } from '../../domain';
import { SchoolYearQuerySchema, compact } from '../query';
import { sendCreated, sendItem, sendPage } from '../reply';
import { callerOf, ifMatch, itemParam, param, type RouteDeps, type RouteTable } from '../route';
import { idempotencyKey, sameRequest } from '../idempotency';
import { parseBody, parseQuery } from '../validate';

const shape = AnalysisSchema.shape;
const AnalysisFields = AnalysisSchema.omit({ unitId: true, status: true, submittedAt: true, submittedBy: true, periodKey: true });
const AnalysisBody = AnalysisFields.extend({
  strengths: shape.strengths.default([]),
  areasToDevelop: shape.areasToDevelop.default([]),
  measurementIds: shape.measurementIds.default([]),
  goalIds: shape.goalIds.default([]),
  participants: shape.participants.default([]),
});
const AnalysisPatchBody = AnalysisFields.partial();

export function analysisRoutes(routes: RouteTable, { services }: RouteDeps): void {
  routes.add('get', '/units/:unitId/analyses', 'unit.read', async (req, res) => {
    const query = parseQuery(SchoolYearQuerySchema, req.query);
    sendPage(res, await services.analyses.list(callerOf(res), param(req, 'unitId'), compact(query)));
  });

  routes.add('post', '/units/:unitId/analyses', 'unit.edit', async (req, res) => {
    const input = parseBody(AnalysisBody, req.body);
    const analysis = await services.analyses.create(callerOf(res), param(req, 'unitId'), input, idempotencyKey(req));
    sendCreated(res, sameRequest(req, input, analysis), `/api/analyses/${analysis.id}`);
  });

  routes.add('get', '/analyses/:id', 'unit.read', async (req, res) => {
    sendItem(res, await services.analyses.get(callerOf(res), itemParam(req)));
  });

  routes.add('patch', '/analyses/:id', 'unit.edit', async (req, res) => {
    const patch = parseBody(AnalysisPatchBody, req.body);
    sendItem(res, await services.analyses.update(callerOf(res), itemParam(req), compact(patch), ifMatch(req)));
  });

  routes.add('post', '/analyses/:id/submit', 'unit.edit', async (req, res) => {
    sendItem(res, await services.analyses.submit(callerOf(res), itemParam(req), ifMatch(req)));
  });
}
