import { z } from 'zod';
import {
  FollowUpResponseSchema, FollowUpTemplateSchema, isoDateTime, meetingTypes, questionKinds,
  type FollowUpResponse as FollowUpResponseFields, type FollowUpTemplate as FollowUpTemplateFields,
} from '../domain';
import { itemSchema, listOf, listSchema, pageSchema, type Item, type ItemPage } from './item';

/** `/follow-up-templates`, `/follow-up-templates/:meetingType`: a meeting type's questions, one item per version. */
export const FollowUpTemplateItemSchema = itemSchema(FollowUpTemplateSchema);
export type FollowUpTemplate = Item<FollowUpTemplateFields>;
export const FollowUpTemplatePageSchema = pageSchema(FollowUpTemplateItemSchema);
export type FollowUpTemplatePage = ItemPage<FollowUpTemplateFields>;

/** `/meetings/:id/responses`, `PUT /meetings/:id/responses/me`: one participant's answers. */
export const FollowUpResponseItemSchema = itemSchema(FollowUpResponseSchema);
export type FollowUpResponse = Item<FollowUpResponseFields>;
export const FollowUpResponsePageSchema = pageSchema(FollowUpResponseItemSchema);
export type FollowUpResponsePage = ItemPage<FollowUpResponseFields>;

/** One question of a meeting's follow-up with every answer given to it, without who gave it. */
export const AnsweredQuestionSchema = z.strictObject({
  questionId: z.string().min(1),
  sv: z.string(),
  en: z.string(),
  kind: z.enum(questionKinds),
  texts: listOf(z.string()),
  /** the mean of the 1–4 answers, to one decimal, when there are any */
  scaleMean: z.number().min(1).max(4).optional(),
  scaleCount: z.number().int().min(0),
});
export type AnsweredQuestion = z.infer<typeof AnsweredQuestionSchema>;

/** What a unit's people answered after one of its meetings; respondents are counted, not named. */
export const MeetingAnswersSchema = z.strictObject({
  meetingId: z.string().min(1),
  title: z.string(),
  type: z.enum(meetingTypes),
  startsAt: isoDateTime,
  respondents: z.number().int().min(0),
  questions: listOf(AnsweredQuestionSchema),
});
export type MeetingAnswers = z.infer<typeof MeetingAnswersSchema>;

/** `GET /units/:unitId/follow-up-answers`: the unit's meetings of a school year, newest first. */
export const FollowUpAnswersSchema = listSchema(MeetingAnswersSchema);
export type FollowUpAnswers = z.infer<typeof FollowUpAnswersSchema>;
