import { z } from 'zod';
import { isoDateTime, itemId, objectId, participant, period, schoolYear } from './common';
import { freeText, longText, points } from './text';
import { analysisStatuses } from './choices';

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
  /**
   * The unit and the period as one value (`analysisPeriodKey`), in a unique column: one analysis
   * per unit and period, even when two are created at the same moment. Written by the service.
   */
  periodKey: freeText(300).optional(),
});
export type Analysis = z.infer<typeof AnalysisSchema>;

/** The value of an analysis' unique period key: its unit and its period. */
export function analysisPeriodKey(unitId: string, period: string): string {
  return `${unitId}|${period}`;
}
