import { z } from 'zod';
import { isoDateTime, itemId, objectId } from './common';
import { freeText, longText } from './text';
import { meetingTypes, questionKinds } from './choices';
import type { Language } from './language';

export const question = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  sv: freeText(500).pipe(z.string().min(1)),
  /** optional: without it, English readers get the Swedish question */
  en: freeText(500).pipe(z.string().min(1)).optional(),
  kind: z.enum(questionKinds),
});
export type Question = z.infer<typeof question>;

/** A question in the reader's language: English when it has one, else Swedish. */
export function questionText(q: Pick<Question, 'sv' | 'en'>, lang: Language): string {
  return lang === 'en' ? q.en ?? q.sv : q.sv;
}

/**
 * A meeting type's questions (the mall med frågor inför resultatkonferens): those to think about
 * before the meeting, and those asked after it. Versioned: editing makes a new version, so old
 * answers keep the questions they answered.
 */
export const FollowUpTemplateSchema = z.strictObject({
  meetingType: z.enum(meetingTypes),
  version: z.number().int().min(1),
  /** to prepare: shown in the meeting's "Inför mötet" */
  beforeQuestions: z.array(question).max(20).optional(),
  /** asked after the meeting, in the follow-up card */
  questions: z.array(question).min(1).max(20),
});
export type FollowUpTemplate = z.infer<typeof FollowUpTemplateSchema>;

export const answer = z.strictObject({
  questionId: z.string().min(1).max(40),
  text: longText.optional(),
  /** 1..4 for scale questions (Skolenkäten's four-point scale) */
  scale: z.number().int().min(1).max(4).optional(),
});

/** One participant's answers to a meeting's follow-up questions; answering again updates it. */
export const FollowUpResponseSchema = z.strictObject({
  meetingId: itemId,
  unitId: itemId.optional(),
  templateId: itemId,
  templateVersion: z.number().int().min(1),
  respondentId: objectId,
  answers: z.array(answer).max(20),
  answeredAt: isoDateTime,
});
export type FollowUpResponse = z.infer<typeof FollowUpResponseSchema>;
