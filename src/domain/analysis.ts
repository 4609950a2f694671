import { z } from 'zod';
import { isoDateTime, itemId, objectId, participant, period, schoolYear } from './common';
import { longText, points } from './text';

export const analysisStatuses = ['draft', 'submitted', 'feedbackGiven'] as const;
export type AnalysisStatus = (typeof analysisStatuses)[number];

/** The questions of the cycle, in the order they are asked. */
export const analysisQuestions = {
  followUp: 'Var är vi?',
  causes: 'Varför blev det som det blev när vi gjorde som vi gjorde?',
  direction: 'Vart ska vi?',
  approach: 'Hur gör vi?',
  evaluation: 'Hur blev det?',
} as const;

/** A unit's analysis for a period: the cycle's questions, the cause analysis, strengths first. */
export const AnalysisSchema = z.strictObject({
  unitId: itemId,
  schoolYear,
  period,
  status: z.enum(analysisStatuses),
  followUp: longText.optional(),
  causes: longText.optional(),
  direction: longText.optional(),
  approach: longText.optional(),
  evaluation: longText.optional(),
  strengths: points,
  areasToDevelop: points,
  measurementIds: z.array(itemId).max(200),
  goalIds: z.array(itemId).max(100),
  participants: z.array(participant).max(200),
  submittedAt: isoDateTime.optional(),
  submittedBy: objectId.optional(),
});
export type Analysis = z.infer<typeof AnalysisSchema>;
