import { z } from 'zod';
import { FeedbackSchema, itemId } from '../../domain';
import { PageQuerySchema, compact } from '../query';
import { sendCreated, sendItem, sendPage } from '../reply';
import { callerOf, itemParam, param, type RouteDeps, type RouteTable } from '../route';
import { idempotencyKey, sameRequest } from '../idempotency';
import { parseBody, parseQuery } from '../validate';

const FeedbackBody = z.strictObject({ analysisId: itemId, text: FeedbackSchema.shape.text });

export function feedbackRoutes(routes: RouteTable, { services }: RouteDeps): void {
  routes.add('get', '/units/:unitId/feedback', 'unit.read', async (req, res) => {
    const query = parseQuery(PageQuerySchema, req.query);
    sendPage(res, await services.feedback.list(callerOf(res), param(req, 'unitId'), compact(query)));
  });

  routes.add('post', '/units/:unitId/feedback', 'organizer.edit', async (req, res) => {
    const input = parseBody(FeedbackBody, req.body);
    const feedback = await services.feedback.give(callerOf(res), param(req, 'unitId'), input, idempotencyKey(req));
    sendCreated(res, sameRequest(req, input, feedback), `/api/feedback/${feedback.id}`);
  });

  routes.add('post', '/feedback/:id/read', 'feedback.confirm', async (req, res) => {
    sendItem(res, await services.feedback.markRead(callerOf(res), itemParam(req)));
  });
}
