/**
 * Follow-up answers from the 1:1 card. One FollowUpResponse per meeting and respondent: its
 * clientKey is `followup:<meetingId>:<respondentId>`, so answering again updates it (with its eTag).
 */
import { z } from 'zod';
import { ConflictError, InvalidItemError, NotFoundError } from '../../src/store/errors';
import type { StoredItem } from '../../src/store/port';
import { errorCard } from '../cards/error-card';
import { FOLLOW_UP_EDIT, FOLLOW_UP_REFRESH, FOLLOW_UP_SUBMIT, followUpCard, inputId, type Answers } from '../cards/follow-up-card';
import { strings } from '../cards/strings';
import type { BotFollowUpResponse, BotFollowUpTemplate, BotMeeting } from '../data/entities';
import type { CardAction } from './card-action';
import type { FlowContext } from './context';
import type { CardActionResult } from './turn';
import type { Language } from '../../src/domain';

export const FOLLOW_UP_VERBS = [FOLLOW_UP_SUBMIT, FOLLOW_UP_REFRESH, FOLLOW_UP_EDIT];

const DataSchema = z.object({ meetingId: z.string().min(1), templateId: z.string().min(1) }).passthrough();

const responseKey = (meetingId: string, respondentId: string): string => `followup:${meetingId}:${respondentId}`;

/** The card's inputs → answers as stored, only for the template's questions; a string names a bad input. */
function readAnswers(template: BotFollowUpTemplate, data: Record<string, unknown>): BotFollowUpResponse['answers'] | string {
  const answers: BotFollowUpResponse['answers'] = [];
  for (const q of template.questions) {
    const value = data[inputId(q.id)];
    if (value === undefined || value === null || value === '') continue;
    if (typeof value !== 'string' || value.length > 4_000) return q.id;
    if (q.kind === 'scale') {
      const scale = Number(value);
      if (!Number.isInteger(scale) || scale < 1 || scale > 4) return q.id;
      answers.push({ questionId: q.id, scale });
    } else if (value.trim()) {
      answers.push({ questionId: q.id, text: value.trim() });
    }
  }
  return answers;
}

/** Stored answers → the card's values. */
export function asCardAnswers(answers: BotFollowUpResponse['answers'] | undefined): Answers {
  const out: Answers = {};
  for (const a of answers ?? []) {
    if (a.scale !== undefined) out[a.questionId] = String(a.scale);
    else if (a.text !== undefined) out[a.questionId] = a.text;
  }
  return out;
}

async function findResponse(ctx: FlowContext, meetingId: string, respondentId: string): Promise<StoredItem<BotFollowUpResponse> | undefined> {
  const page = await ctx.store.query('followUpResponses', { filter: [{ field: 'meetingId', op: 'eq', value: meetingId }, { field: 'respondentId', op: 'eq', value: respondentId }], top: 1 });
  return page.items[0];
}

/** Creates the response, or updates the one already there (answering again never adds one). */
export async function upsertResponse(ctx: FlowContext, fields: BotFollowUpResponse): Promise<StoredItem<BotFollowUpResponse>> {
  const options = { actor: fields.respondentId };
  let item = await ctx.store.create('followUpResponses', fields, { ...options, clientKey: responseKey(fields.meetingId, fields.respondentId) });
  for (let attempt = 0; attempt < 3; attempt++) {
    if (item.fields.answeredAt === fields.answeredAt) return item;
    try {
      return await ctx.store.update('followUpResponses', item.id, { answers: fields.answers, templateId: fields.templateId, templateVersion: fields.templateVersion, answeredAt: fields.answeredAt }, { ...options, etag: item.etag });
    } catch (error) {
      if (!(error instanceof ConflictError) || !error.current) throw error;
      item = error.current as StoredItem<BotFollowUpResponse>;
    }
  }
  throw new Error('the response kept changing while it was saved');
}

export async function onFollowUpAction(ctx: FlowContext, lang: Language, action: CardAction, respondentId: string): Promise<CardActionResult> {
  const s = strings(lang);
  const data = DataSchema.safeParse(action.action.data);
  if (!data.success) return { kind: 'card', card: errorCard(lang, s.invalidCard) };
  const { meetingId, templateId } = data.data;
  let meeting: StoredItem<BotMeeting>;
  let template: StoredItem<BotFollowUpTemplate>;
  try {
    [meeting, template] = await Promise.all([ctx.store.get('meetings', meetingId), ctx.store.get('followUpTemplates', templateId)]);
  } catch (error) {
    if (error instanceof NotFoundError) return { kind: 'card', card: errorCard(lang, s.invalidCard) };
    throw error;
  }
  const base = { lang, meetingId, meeting: meeting.fields, templateId, template: template.fields, respondentId };

  if (action.action.verb === FOLLOW_UP_SUBMIT) {
    const answers = readAnswers(template.fields, action.action.data);
    if (typeof answers === 'string') return { kind: 'card', card: errorCard(lang, s.invalidCard) };
    try {
      await upsertResponse(ctx, {
        meetingId, templateId, templateVersion: template.fields.version, respondentId, answers,
        answeredAt: new Date(ctx.clock.now()).toISOString(), ...(meeting.fields.unitId ? { unitId: meeting.fields.unitId } : {}),
      });
    } catch (error) {
      // e.g. a personnummer in free text: the domain schema refuses it, the user gets the form back
      if (error instanceof InvalidItemError) return { kind: 'card', card: errorCard(lang, `${s.errorTitle}: ${error.reason}`) };
      throw error;
    }
    return { kind: 'card', card: followUpCard({ ...base, answers: asCardAnswers(answers), saved: true }) };
  }
  const existing = await findResponse(ctx, meetingId, respondentId);
  const answers = asCardAnswers(existing?.fields.answers);
  if (action.action.verb === FOLLOW_UP_EDIT) return { kind: 'card', card: followUpCard({ ...base, answers }) };
  return { kind: 'card', card: followUpCard({ ...base, answers, saved: existing !== undefined }) };
}
