import { z } from 'zod';
import { itemId } from './common';
import { longText, title } from './text';
import { indicatorSources, unitsOfMeasure } from './choices';

export const directions = ['higherIsBetter', 'lowerIsBetter'] as const;

/** What is measured, where it comes from, which way is better, and the target. */
export const IndicatorSchema = z.strictObject({
  name: title,
  description: longText.optional(),
  source: z.enum(indicatorSources),
  unitOfMeasure: z.enum(unitsOfMeasure),
  direction: z.enum(directions),
  target: z.number().finite().optional(),
  /** the Kolada KPI id, for imports (e.g. "N15419") */
  koladaKpi: z.string().regex(/^[A-Z]\d{5}$/, 'Kolada-KPI skrivs som N15419').optional(),
  goalId: itemId.optional(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;
