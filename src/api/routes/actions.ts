import { z } from 'zod';
import { ActionCommentSchema, ActionSchema, itemId } from '../../domain';
import { PageQuerySchema, compact } from '../query';
import { sendCreated, sendItem, sendPage } from '../reply';
import { callerOf, ifMatch, itemParam, param, type RouteDeps, type RouteTable } from '../route';
import { idempotencyKey, sameRequest } from '../idempotency';
import { parseBody, parseQuery } from '../validate';

const shape = ActionSchema.shape;
// comments are written one at a time, signed by the server (POST /actions/:id/comments)
const ActionBody = ActionSchema.omit({ unitId: true, comments: true }).extend({
  status: shape.status.optional(),
  schoolYear: shape.schoolYear.optional(),
});
const ActionPatchBody = ActionSchema.omit({ unitId: true, originKind: true, originId: true, comments: true }).partial();
const CommentBody = z.strictObject({ text: ActionCommentSchema.shape.text });
const ActionQuery = PageQuerySchema.extend({
  filter: z.enum(['mine', 'overdue', 'open']).optional(),
  goalId: itemId.optional(),
});

export function actionRoutes(routes: RouteTable, { services }: RouteDeps): void {
  routes.add('get', '/units/:unitId/actions', 'unit.read', async (req, res) => {
    const query = parseQuery(ActionQuery, req.query);
    sendPage(res, await services.actions.list(callerOf(res), param(req, 'unitId'), compact(query)));
  });

  routes.add('post', '/units/:unitId/actions', 'action.create', async (req, res) => {
    const input = parseBody(ActionBody, req.body);
    const action = await services.actions.create(callerOf(res), param(req, 'unitId'), compact(input), idempotencyKey(req));
    sendCreated(res, sameRequest(req, input, action), `/api/actions/${action.id}`);
  });

  routes.add('get', '/actions/:id', 'unit.read', async (req, res) => {
    sendItem(res, await services.actions.get(callerOf(res), itemParam(req)));
  });

  routes.add('patch', '/actions/:id', 'action.update', async (req, res) => {
    const patch = parseBody(ActionPatchBody, req.body);
    sendItem(res, await services.actions.update(callerOf(res), itemParam(req), compact(patch), ifMatch(req)));
  });

  routes.add('post', '/actions/:id/comments', 'action.update', async (req, res) => {
    const { text } = parseBody(CommentBody, req.body);
    sendItem(res, await services.actions.comment(callerOf(res), itemParam(req), text, ifMatch(req)));
  });
}
