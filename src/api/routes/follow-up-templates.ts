import { FollowUpTemplateSchema, meetingTypes } from '../../domain';
import { problem } from '../problems';
import { PageQuerySchema, compact } from '../query';
import { sendCreated, sendItem, sendPage } from '../reply';
import { callerOf, param, type RouteDeps, type RouteTable } from '../route';
import { idempotencyKey, sameRequest } from '../idempotency';
import { parseBody, parseQuery } from '../validate';

const TemplateBody = FollowUpTemplateSchema.omit({ version: true });

export function followUpTemplateRoutes(routes: RouteTable, { services }: RouteDeps): void {
  routes.add('get', '/follow-up-templates', 'units.list', async (req, res) => {
    const query = parseQuery(PageQuerySchema, req.query);
    sendPage(res, await services.followUps.listTemplates(callerOf(res), compact(query)));
  });

  routes.add('post', '/follow-up-templates', 'organizer.edit', async (req, res) => {
    const input = parseBody(TemplateBody, req.body);
    const template = await services.followUps.createTemplate(callerOf(res), input, idempotencyKey(req));
    sendCreated(res, sameRequest(req, input, template), `/api/follow-up-templates/${template.fields.meetingType}`);
  });

  routes.add('get', '/follow-up-templates/:meetingType', 'units.list', async (req, res) => {
    const meetingType = meetingTypes.find((type) => type === param(req, 'meetingType'));
    if (!meetingType) throw problem('notFound');
    sendItem(res, await services.followUps.latestTemplate(callerOf(res), meetingType));
  });
}
