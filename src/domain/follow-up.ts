import { z } from 'zod';
import { isoDateTime, itemId, objectId } from './common';
import { freeText, longText } from './text';
import { meetingTypes, questionKinds } from './choices';

export const question = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  sv: freeText(500).pipe(z.string().min(1)),
  en: freeText(500).pipe(z.string().min(1)),
  kind: z.enum(questionKinds),
});
export type Question = z.infer<typeof question>;

/**
 * The questions asked after a meeting of a type. Versioned: editing makes a new version, so old
 * answers keep the questions they answered.
 */
export const FollowUpTemplateSchema = z.strictObject({
  meetingType: z.enum(meetingTypes),
  version: z.number().int().min(1),
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
