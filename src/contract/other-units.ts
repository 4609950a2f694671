/**
 * `GET /other-units` (Andra enheter): what principals learn from each other. Other units'
 * published work only (submitted analyses, actions and their evaluations), the municipality's
 * focus areas with the units working on each, and whom to ask there. No action owner's name:
 * the unit's principals are the ones to ask.
 */
import { z } from 'zod';
import { actionStatuses, isoDate, isoDateTime, originKinds, period, schoolYear, unitTypes } from '../domain';
import { listOf } from './item';

/** A principal to ask, with a Teams chat link when the directory knows their address. */
export const ContactSchema = z.strictObject({
  userId: z.string().min(1),
  name: z.string().min(1),
  /** `https://teams.microsoft.com/l/chat/0/0?users=<address>` */
  chatUrl: z.url().optional(),
});
export type Contact = z.infer<typeof ContactSchema>;

/** A submitted analysis as another unit reads it: the cycle's questions, without who took part by name. */
export const SharedAnalysisSchema = z.strictObject({
  id: z.string().min(1),
  period,
  submittedAt: isoDateTime.optional(),
  followUp: z.string().optional(),
  strengths: listOf(z.string()),
  areasToDevelop: listOf(z.string()),
  causes: z.string().optional(),
  direction: z.string().optional(),
  approach: z.string().optional(),
  evaluation: z.string().optional(),
  /** the focus areas it is linked to (directly or through the unit's goals) */
  focusAreaIds: listOf(z.string().min(1)),
  /** the indicators of the results it links */
  indicatorIds: listOf(z.string().min(1)),
});
export type SharedAnalysis = z.infer<typeof SharedAnalysisSchema>;

/** An action as another unit reads it: what, when, how it went; not who owns it. */
export const SharedActionSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1),
  description: z.string().optional(),
  status: z.enum(actionStatuses),
  startDate: isoDate.optional(),
  dueDate: isoDate,
  /** Hur blev det? */
  evaluation: z.string().optional(),
  originKind: z.enum(originKinds),
  /** the submitted analysis it came from, when it is one shown here */
  analysisId: z.string().min(1).optional(),
  focusAreaIds: listOf(z.string().min(1)),
});
export type SharedAction = z.infer<typeof SharedActionSchema>;

/** One other unit: whom to ask, and what matches the search. */
export const OtherUnitSchema = z.strictObject({
  unitId: z.string().min(1),
  name: z.string().min(1),
  type: z.enum(unitTypes),
  principals: listOf(ContactSchema),
  analyses: listOf(SharedAnalysisSchema),
  actions: listOf(SharedActionSchema),
});
export type OtherUnit = z.infer<typeof OtherUnitSchema>;

/** A focus area of the municipality and the other units working on it (goals, actions or analyses linked to it). */
export const FocusAreaWorkSchema = z.strictObject({
  focusAreaId: z.string().min(1),
  title: z.string().min(1),
  unitIds: listOf(z.string().min(1)),
});
export type FocusAreaWork = z.infer<typeof FocusAreaWorkSchema>;

export const OtherUnitsSchema = z.strictObject({
  schoolYear,
  /** the school years there is anything to read in, newest first (the one shown among them) */
  schoolYears: listOf(schoolYear),
  focusAreas: listOf(FocusAreaWorkSchema),
  /** the indicators the shown analyses link, to search by */
  indicators: listOf(z.strictObject({ indicatorId: z.string().min(1), name: z.string().min(1) })),
  /** every other unit (so each focus area's units can be named), with what matches the search */
  units: listOf(OtherUnitSchema),
});
export type OtherUnits = z.infer<typeof OtherUnitsSchema>;
