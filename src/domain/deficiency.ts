import { z } from 'zod';
import { isoDate, itemId } from './common';
import { freeText, longText, title } from './text';
import { deficiencySources, deficiencyStatuses } from './choices';

/** A deficiency (brist) found through follow-up, a complaint, reported abuse, an inspection or otherwise. */
export const DeficiencySchema = z.strictObject({
  title,
  description: longText.optional(),
  unitId: itemId,
  source: z.enum(deficiencySources),
  foundOn: isoDate,
  /** Skolinspektionen's decisions carry one */
  deadline: isoDate.optional(),
  /** the case's diarienummer: Skolinspektionen's (SI 2026:1234) or the municipality's own */
  caseNumber: freeText(50).pipe(z.string().min(1)).optional(),
  status: z.enum(deficiencyStatuses),
  closedOn: isoDate.optional(),
});
export type Deficiency = z.infer<typeof DeficiencySchema>;

/**
 * Skolinspektionen's diarienummer: the year and a serial number, "2026:1234", often written with
 * its prefix "SI 2026:1234" or "Dnr 2026:1234"; decisions before 2020 also carry a leading office
 * number, "43-2016:11234".
 */
export const inspectionCaseNumber = /^(?:(?:SI|Dnr)\.?:? )?(?:\d{1,3}-)?\d{4}:\d{1,6}$/i;

/** Open and past its deadline on `today` ("YYYY-MM-DD"). */
export function isDeficiencyOverdue(deficiency: Pick<Deficiency, 'status' | 'deadline'>, today: string): boolean {
  return deficiency.status === 'open' && deficiency.deadline !== undefined && deficiency.deadline < today;
}
