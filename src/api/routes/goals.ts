import { z } from 'zod';
import { GoalSchema } from '../../domain';
import { SchoolYearQuerySchema, compact } from '../query';
import { sendCreated, sendItem, sendPage } from '../reply';
import { callerOf, ifMatch, itemParam, param, type RouteDeps, type RouteTable } from '../route';
import { idempotencyKey, sameRequest } from '../idempotency';
import { parseBody, parseQuery, pickShape } from '../validate';

// GoalSchema carries refinements (unit vs organizer level), so bodies are built from its shape.
const GoalBody = z.strictObject(pickShape(GoalSchema.shape, ['title', 'description', 'parentGoalId', 'focusArea', 'schoolYear']));
const GoalPatchBody = GoalBody.partial();

export function goalRoutes(routes: RouteTable, { services }: RouteDeps): void {
  routes.add('get', '/units/:unitId/goals', 'unit.read', async (req, res) => {
    const query = parseQuery(SchoolYearQuerySchema, req.query);
    sendPage(res, await services.goals.listForUnit(callerOf(res), param(req, 'unitId'), compact(query)));
  });

  routes.add('post', '/units/:unitId/goals', 'unit.edit', async (req, res) => {
    const input = parseBody(GoalBody, req.body);
    const goal = await services.goals.create(callerOf(res), param(req, 'unitId'), input, idempotencyKey(req));
    sendCreated(res, sameRequest(req, input, goal), `/api/goals/${goal.id}`);
  });

  routes.add('patch', '/goals/:id', 'unit.edit', async (req, res) => {
    const patch = parseBody(GoalPatchBody, req.body);
    sendItem(res, await services.goals.update(callerOf(res), itemParam(req), compact(patch), ifMatch(req)));
  });

  routes.add('delete', '/goals/:id', 'unit.edit', async (req, res) => {
    await services.goals.delete(callerOf(res), itemParam(req), ifMatch(req));
    res.status(204).end();
  });
}
