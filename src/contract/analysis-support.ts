import { z } from 'zod';
import { DeviationSchema, MeasurementSchema, period } from '../domain';
import { IndicatorItemSchema } from './indicators';

const PointSchema = MeasurementSchema.pick({ period: true, value: true, groups: true });
const AverageSchema = z.strictObject({ average: z.number(), units: z.number().int().min(1) });

/** `GET /units/:unitId/analysis-support?period=`: per indicator of the unit, what the analysis looks at. */
export const AnalysisSupportSchema = z.strictObject({
  period,
  indicators: z.array(z.strictObject({
    indicator: IndicatorItemSchema,
    series: z.array(PointSchema),
    current: PointSchema.optional(),
    previous: PointSchema.optional(),
    sameType: AverageSchema.optional(),
    municipality: AverageSchema.optional(),
    /** the municipality's own value for the current period as Kolada publishes it */
    koladaMunicipality: z.number().optional(),
    deviations: z.array(DeviationSchema),
  })),
});
export type AnalysisSupport = z.infer<typeof AnalysisSupportSchema>;
