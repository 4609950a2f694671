/**
 * The meeting extension's routes: the live state a side panel polls (strong ETag, 304 on
 * If-None-Match), per-agenda-item writes, the participation record, and linking a Teams meeting
 * or a year wheel activity to a Meeting item.
 */
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { LiveAgendaItem, MeetingLive, Participants } from '../../contract';
import { MeetingSchema, agendaItem, freeText, isoDateTime, itemId, participant } from '../../domain';
import { AgendaItemConflictError } from '../../services/meeting-live-service';
import { presentLive, presentParticipants } from '../presenters/meeting-live';
import { problem } from '../problems';
import { moveOf } from '../query';
import { sendCreated, sendItem, sendJson } from '../reply';
import { callerOf, ifMatch, itemParam, param, type RouteDeps, type RouteTable } from '../route';
import { parseBody } from '../validate';
import { liveEtag, matchesIfNoneMatch, unquote } from './meeting-live-etag';

const teamsId = z.string().trim().min(1).max(255);
const LinkBody = z.strictObject({
  teamsMeetingId: teamsId,
  chatId: teamsId.optional(),
  unitId: itemId,
  type: MeetingSchema.shape.type,
  title: MeetingSchema.shape.title,
  startsAt: isoDateTime,
});
const YearWheelMeetingBody = z.strictObject({
  unitId: itemId.optional(),
  teamsMeetingId: teamsId.optional(),
  chatId: teamsId.optional(),
  startsAt: isoDateTime.optional(),
});
const agendaShape = agendaItem.shape;
const AgendaItemBody = z.strictObject({ title: agendaShape.title });
const AgendaChangeBody = z.strictObject({
  title: agendaShape.title.optional(),
  notes: z.string().pipe(freeText(20_000)).optional(),
  decisions: z.array(freeText(2_000).pipe(z.string().min(1))).max(50).optional(),
});
const DecisionBody = z.strictObject({ text: freeText(2_000).pipe(z.string().min(1)) });
const ParticipantBody = z.strictObject({ participant });

/** Agenda item ids as the domain allows them. */
function agendaItemParam(req: Request): string {
  const value = param(req, 'itemId');
  if (value.length > 50) throw problem('notFound');
  return value;
}

/** An agenda item as the contract writes it, its version also as the ETag. */
function sendAgendaItem(res: Response, item: LiveAgendaItem, status = 200): void {
  res.setHeader('ETag', `"${item.version}"`);
  sendJson<LiveAgendaItem>(res, item, { status });
}

/** The same agenda item was changed meanwhile: 409 with the item as it is now. */
function agendaConflict(error: unknown): unknown {
  if (!(error instanceof AgendaItemConflictError)) return error;
  return problem('conflict', { detail: { sv: 'Någon annan har ändrat den här punkten på dagordningen.', en: 'Someone else changed this agenda item.' }, current: error.current });
}

export function meetingLiveRoutes(routes: RouteTable, { services }: RouteDeps): void {
  routes.add('post', '/meetings/link', 'unit.edit', async (req, res) => {
    const input = parseBody(LinkBody, req.body);
    const { chatId, ...rest } = input;
    const { meeting, created } = await services.meetingLive.link(callerOf(res), { ...rest, ...(chatId !== undefined ? { chatId } : {}) }, moveOf(req));
    if (created) sendCreated(res, meeting, `/api/meetings/${meeting.id}`);
    else sendItem(res, meeting);
  });

  routes.add('post', '/year-wheel/:id/meeting', 'unit.edit', async (req, res) => {
    const body = parseBody(YearWheelMeetingBody, req.body);
    const input = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
    const { meeting, created } = await services.meetingLive.fromYearWheel(callerOf(res), itemParam(req), input, moveOf(req));
    if (created) sendCreated(res, meeting, `/api/meetings/${meeting.id}`);
    else sendItem(res, meeting);
  });

  routes.add('get', '/meetings/:id/live', 'unit.read', async (req, res) => {
    const live = await services.meetingLive.live(callerOf(res), itemParam(req));
    const body = presentLive(live);
    const etag = liveEtag(body);
    res.setHeader('ETag', etag);
    if (matchesIfNoneMatch(req.get('if-none-match'), etag)) {
      res.setHeader('Cache-Control', 'no-cache');
      res.status(304).end();
      return;
    }
    // The tag is also in the body: the tab's client reads bodies, not headers.
    sendJson<MeetingLive>(res, { ...body, version: unquote(etag) }, { cacheControl: 'no-cache' });
  });

  routes.add('post', '/meetings/:id/agenda', 'action.create', async (req, res) => {
    const { title } = parseBody(AgendaItemBody, req.body);
    const item = await services.meetingLive.addAgendaItem(callerOf(res), itemParam(req), title);
    res.setHeader('Location', `/api/meetings/${itemParam(req)}/agenda/${item.id}`);
    sendAgendaItem(res, item, 201);
  });

  routes.add('patch', '/meetings/:id/agenda/:itemId', 'action.create', async (req, res) => {
    const change = parseBody(AgendaChangeBody, req.body);
    const version = unquote(ifMatch(req));
    const compacted = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
    try {
      sendAgendaItem(res, await services.meetingLive.changeAgendaItem(callerOf(res), itemParam(req), agendaItemParam(req), compacted, version));
    } catch (error) {
      throw agendaConflict(error);
    }
  });

  routes.add('post', '/meetings/:id/agenda/:itemId/decisions', 'action.create', async (req, res) => {
    const { text } = parseBody(DecisionBody, req.body);
    sendAgendaItem(res, await services.meetingLive.addDecision(callerOf(res), itemParam(req), agendaItemParam(req), text));
  });

  routes.add('put', '/meetings/:id/participants', 'action.create', async (req, res) => {
    const body = parseBody(ParticipantBody, req.body);
    const participants = await services.meetingLive.recordParticipant(callerOf(res), itemParam(req), body.participant);
    sendJson<Participants>(res, presentParticipants(participants));
  });

  routes.add('delete', '/meetings/:id/participants/:key', 'action.create', async (req, res) => {
    const participants = await services.meetingLive.removeParticipant(callerOf(res), itemParam(req), param(req, 'key'));
    sendJson<Participants>(res, presentParticipants(participants));
  });
}
