import { z } from 'zod';
import type { AnalysisSupport } from '../../contract';
import { period } from '../../domain';
import { presentAnalysisSupport } from '../presenters/analysis-support';
import { sendJson } from '../reply';
import { callerOf, param, type RouteDeps, type RouteTable } from '../route';
import { parseQuery } from '../validate';

const SupportQuery = z.object({ period });

export function analysisSupportRoutes(routes: RouteTable, { services }: RouteDeps): void {
  routes.add('get', '/units/:unitId/analysis-support', 'unit.read', async (req, res) => {
    const query = parseQuery(SupportQuery, req.query);
    sendJson<AnalysisSupport>(res, presentAnalysisSupport(query.period, await services.analysisSupport.support(callerOf(res), param(req, 'unitId'), query.period)));
  });
}
