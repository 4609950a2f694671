import { z } from 'zod';
import type { FollowUpAnswers } from '../../contract';
import { FollowUpResponseSchema, MeetingSchema } from '../../domain';
import { presentFollowUpAnswers } from '../presenters/follow-ups';
import { PageQuerySchema, SchoolYearQuerySchema, compact, moveOf } from '../query';
import { sendCreated, sendItem, sendJson, sendPage } from '../reply';
import { callerOf, ifMatch, itemParam, param, type RouteDeps, type RouteTable } from '../route';
import { idempotencyKey, sameRequest } from '../idempotency';
import { parseBody, parseQuery } from '../validate';

const shape = MeetingSchema.shape;
const MeetingBody = MeetingSchema.omit({ unitId: true, startedAt: true, endedAt: true, attendees: true }).extend({
  participants: shape.participants.default([]),
  agenda: shape.agenda.default([]),
});
// who joined is the bot's record of the participant events, never the tab's
const MeetingPatchBody = MeetingSchema.omit({ unitId: true, attendees: true }).partial();
const AnswerBody = z.strictObject({ answers: FollowUpResponseSchema.shape.answers });

export function meetingRoutes(routes: RouteTable, { services }: RouteDeps): void {
  routes.add('get', '/units/:unitId/meetings', 'unit.read', async (req, res) => {
    const query = parseQuery(PageQuerySchema, req.query);
    sendPage(res, await services.meetings.list(callerOf(res), param(req, 'unitId'), compact(query)));
  });

  routes.add('post', '/units/:unitId/meetings', 'unit.edit', async (req, res) => {
    const input = parseBody(MeetingBody, req.body);
    const meeting = await services.meetings.create(callerOf(res), param(req, 'unitId'), input, idempotencyKey(req), moveOf(req));
    sendCreated(res, sameRequest(req, input, meeting), `/api/meetings/${meeting.id}`);
  });

  // before /meetings/:id
  routes.add('get', '/meetings/by-teams-id/:teamsMeetingId', 'unit.read', async (req, res) => {
    sendItem(res, await services.meetings.byTeamsMeetingId(callerOf(res), param(req, 'teamsMeetingId')));
  });

  routes.add('get', '/meetings/:id', 'unit.read', async (req, res) => {
    sendItem(res, await services.meetings.get(callerOf(res), itemParam(req)));
  });

  routes.add('patch', '/meetings/:id', 'unit.edit', async (req, res) => {
    const patch = parseBody(MeetingPatchBody, req.body);
    sendItem(res, await services.meetings.update(callerOf(res), itemParam(req), compact(patch), ifMatch(req), moveOf(req)));
  });

  routes.add('get', '/meetings/:id/responses', 'unit.readDraft', async (req, res) => {
    const query = parseQuery(PageQuerySchema, req.query);
    sendPage(res, await services.followUps.responses(callerOf(res), itemParam(req), compact(query)));
  });

  // the follow-up answers of the unit's meetings in a school year, for its analysis
  routes.add('get', '/units/:unitId/follow-up-answers', 'unit.readDraft', async (req, res) => {
    const query = parseQuery(SchoolYearQuerySchema, req.query);
    sendJson<FollowUpAnswers>(res, presentFollowUpAnswers(await services.followUps.unitAnswers(callerOf(res), param(req, 'unitId'), query.schoolYear)));
  });

  routes.add('put', '/meetings/:id/responses/me', 'followUp.answer', async (req, res) => {
    const { answers } = parseBody(AnswerBody, req.body);
    const { item, created } = await services.followUps.answer(callerOf(res), itemParam(req), answers);
    if (created) sendCreated(res, item, `/api/meetings/${item.fields.meetingId}/responses/me`);
    else sendItem(res, item);
  });
}
