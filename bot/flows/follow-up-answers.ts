/**
 * Follow-up answers from the 1:1 card, through the follow-up service the API's
 * `PUT /api/meetings/:id/responses/me` uses: one response per meeting and respondent, to the
 * meeting type's latest questions. A refused answer comes back in the card as it was typed, with
 * why under the question, so the person can correct it and send again.
 */
import { z } from 'zod';
import { answer as AnswerSchema, type FollowUpResponse } from '../../src/domain';
import { RuleError } from '../../src/services/errors';
import { FOLLOW_UP_EDIT, FOLLOW_UP_SUBMIT, ANSWER_MAX_LENGTH, followUpCard, inputId, type Answers } from '../cards/follow-up-card';
import { strings, type Strings } from '../cards/strings';
import type { BotFollowUpTemplate } from '../data/entities';
import { fieldMessage } from './field-messages';
import type { CardGuard, CardRequest } from './card-verbs';
import type { FlowContext } from './context';
import { invalidCard, type CardActionResult } from './turn';

type Answer = FollowUpResponse['answers'][number];

const DataSchema = z.looseObject({ meetingId: z.string().min(1).max(20) });

/** Stored answers → the card's values. */
export function asCardAnswers(answers: readonly Answer[] | undefined): Answers {
  const out: Answers = {};
  for (const a of answers ?? []) {
    if (a.scale !== undefined) out[a.questionId] = String(a.scale);
    else if (a.text !== undefined) out[a.questionId] = a.text;
  }
  return out;
}

interface ReadAnswers {
  /** what was typed, to show again */
  readonly typed: Answers;
  readonly answers: Answer[];
  /** why an input cannot be saved, by question id */
  readonly errors: Record<string, string>;
}

/** The card's inputs, for the template's questions, checked by the domain's answer schema (the personnummer rule with it). */
export function readAnswers(s: Strings, template: BotFollowUpTemplate, data: Readonly<Record<string, unknown>>): ReadAnswers {
  const typed: Answers = {};
  const answers: Answer[] = [];
  const errors: Record<string, string> = {};
  for (const q of template.questions) {
    const value = data[inputId(q.id)];
    if (value === undefined || value === null || value === '') continue;
    if (typeof value !== 'string') {
      errors[q.id] = s.fieldInvalid;
      continue;
    }
    typed[q.id] = value;
    if (q.kind === 'scale') {
      const scale = Number(value);
      if (Number.isInteger(scale) && scale >= 1 && scale <= 4) answers.push({ questionId: q.id, scale });
      else errors[q.id] = s.fieldInvalid;
      continue;
    }
    if (!value.trim()) continue;
    if (value.length > ANSWER_MAX_LENGTH) {
      errors[q.id] = s.fieldTooLong(ANSWER_MAX_LENGTH);
      continue;
    }
    const parsed = AnswerSchema.safeParse({ questionId: q.id, text: value });
    if (parsed.success) answers.push(parsed.data);
    else errors[q.id] = fieldMessage(s, parsed.error.issues[0]);
  }
  return { typed, answers, errors };
}

/** The service's refusal of answers (its schema, a rule) as errors under the questions they are about. */
function refusedAnswers(s: Strings, error: unknown, answers: readonly Answer[]): Record<string, string> | undefined {
  const questionAt = (path: readonly PropertyKey[]): string | undefined => {
    const index = path[0] === 'answers' ? path[1] : undefined;
    return typeof index === 'number' ? answers[index]?.questionId : undefined;
  };
  if (error instanceof z.ZodError) {
    const errors: Record<string, string> = {};
    for (const issue of error.issues) {
      const questionId = questionAt(issue.path);
      if (questionId !== undefined && errors[questionId] === undefined) errors[questionId] = fieldMessage(s, issue);
    }
    return Object.keys(errors).length ? errors : undefined;
  }
  if (error instanceof RuleError) {
    const questionId = questionAt(error.field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)));
    return questionId !== undefined ? { [questionId]: s.fieldInvalid } : undefined;
  }
  return undefined;
}

/** followUp.submit, followUp.refresh, followUp.edit: each person sees and writes only their own follow-up. */
export async function onFollowUpAction(ctx: FlowContext, request: CardRequest, guard: CardGuard): Promise<CardActionResult> {
  const s = strings(request.lang);
  const data = DataSchema.safeParse(request.data);
  if (!data.success) return invalidCard(s);
  const meeting = await ctx.store.get('meetings', data.data.meetingId);
  const caller = await guard(meeting.fields.unitId, { respondentId: request.user.userId });
  const mine = await ctx.services.followUps.mine(caller, meeting.id);
  const base = {
    lang: request.lang, meetingId: meeting.id, meeting: mine.meeting.fields, templateId: mine.template.id, template: mine.template.fields, respondentMri: request.user.mri,
  };
  const show = (input: Partial<Parameters<typeof followUpCard>[0]>): CardActionResult => ({ kind: 'card', card: followUpCard({ ...base, ...input }) });

  if (request.verb === FOLLOW_UP_SUBMIT) {
    const { typed, answers, errors } = readAnswers(s, mine.template.fields, request.data);
    if (Object.keys(errors).length) return show({ answers: typed, errors });
    try {
      const { item } = await ctx.services.followUps.answer(caller, meeting.id, answers);
      return show({ answers: asCardAnswers(item.fields.answers), saved: true });
    } catch (error) {
      const refused = refusedAnswers(s, error, answers);
      if (refused) return show({ answers: typed, errors: refused });
      throw error;
    }
  }
  const answers = asCardAnswers(mine.response?.fields.answers);
  if (request.verb === FOLLOW_UP_EDIT) return show({ answers });
  return show({ answers, saved: mine.response !== undefined });
}
