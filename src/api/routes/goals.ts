import { z } from 'zod';
import type { GoalList, GoalTree } from '../../contract';
import { GoalSchema, schoolYear } from '../../domain';
import { presentGoalList, presentGoalTree } from '../presenters/goals';
import { SchoolYearQuerySchema, compact } from '../query';
import { sendCreated, sendItem, sendJson, sendPage } from '../reply';
import { callerOf, ifMatch, itemParam, param, type RouteDeps, type RouteTable } from '../route';
import { idempotencyKey, sameRequest } from '../idempotency';
import { parseBody, parseQuery, pickShape } from '../validate';

// GoalSchema carries refinements (unit vs organizer level), so bodies are built from its shape.
const GoalBody = z.strictObject(pickShape(GoalSchema.shape, ['title', 'description', 'parentGoalId', 'schoolYear']));
const GoalPatchBody = GoalBody.partial();
/** The administration's goals: an organizer goal (nämndmål) or a prioritized area. */
const OrganizerGoalBody = GoalBody.extend({ level: z.enum(['organizer', 'focusArea'], { error: 'ange nämndmål eller fokusområde' }) });
const YearQuery = z.object({ schoolYear: schoolYear.optional() });

export function goalRoutes(routes: RouteTable, { services }: RouteDeps): void {
  routes.add('get', '/units/:unitId/goals', 'unit.read', async (req, res) => {
    const query = parseQuery(SchoolYearQuerySchema, req.query);
    sendPage(res, await services.goals.listForUnit(callerOf(res), param(req, 'unitId'), compact(query)));
  });

  routes.add('post', '/units/:unitId/goals', 'unit.edit', async (req, res) => {
    const input = parseBody(GoalBody, req.body);
    const goal = await services.goals.create(callerOf(res), param(req, 'unitId'), compact(input), idempotencyKey(req));
    sendCreated(res, sameRequest(req, input, goal), `/api/goals/${goal.id}`);
  });

  routes.add('get', '/units/:unitId/goal-tree', 'unit.read', async (req, res) => {
    const { schoolYear: year } = parseQuery(YearQuery, req.query);
    sendJson<GoalTree>(res, presentGoalTree(await services.goals.unitTree(callerOf(res), param(req, 'unitId'), year)));
  });

  routes.add('get', '/goals', 'units.list', async (req, res) => {
    const { schoolYear: year } = parseQuery(YearQuery, req.query);
    sendJson<GoalList>(res, presentGoalList(await services.goals.listOrganizer(callerOf(res), year)));
  });

  routes.add('post', '/goals', 'organizer.edit', async (req, res) => {
    const input = parseBody(OrganizerGoalBody, req.body);
    const goal = await services.goals.createOrganizer(callerOf(res), compact(input), idempotencyKey(req));
    sendCreated(res, sameRequest(req, input, goal), `/api/goals/${goal.id}`);
  });

  routes.add('get', '/organizer/goal-tree', 'organizer.read', async (req, res) => {
    const { schoolYear: year } = parseQuery(YearQuery, req.query);
    sendJson<GoalTree>(res, presentGoalTree(await services.goals.organizerTree(callerOf(res), year)));
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
