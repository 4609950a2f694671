/**
 * `GET /organizer/rollup`: every unit side by side for a school year, with the years before it for
 * trends. The board gets the same shape without anything about individual staff (no action owner).
 */
import { z } from 'zod';
import {
  ActionSchema, DeficiencySchema, IndicatorSchema, UnitSchema, analysisStatuses, isoDate, isoDateTime, phaseStates, phases, schoolYear,
} from '../domain';
import { CycleStateSchema } from './cycle';
import { listOf } from './item';

const byYear = <S extends z.ZodType>(value: S) => z.record(schoolYear, value).readonly();

/** An action as the board sees it: what and when, never who. */
export const BoardActionSchema = ActionSchema
  .pick({ unitId: true, title: true, dueDate: true, status: true, originKind: true, originId: true, schoolYear: true })
  .extend({ id: z.string().min(1) });
/** An action in the roll-up; the administration's copy names its owner, the board's does not. */
export const RollupActionSchema = BoardActionSchema.extend({
  ownerId: ActionSchema.shape.ownerId.optional(),
  ownerName: ActionSchema.shape.ownerName,
});
export type RollupAction = z.infer<typeof RollupActionSchema>;

export const feedbackStates = ['noSubmission', 'waiting', 'unread', 'read'] as const;
export type FeedbackState = (typeof feedbackStates)[number];

/** One unit's row. */
export const RollupUnitSchema = z.strictObject({
  unitId: z.string().min(1),
  name: UnitSchema.shape.name,
  type: UnitSchema.shape.type,
  schoolUnitCode: UnitSchema.shape.schoolUnitCode,
  /** the cycle in the school year (the service's cycle of every year read stays on the server: no view shows it) */
  cycle: CycleStateSchema,
  /** the unit's analysis for the school year: the furthest one if there are several */
  analysisStatus: z.enum([...analysisStatuses, 'none']),
  feedback: z.enum(feedbackStates),
  openActions: z.number().int().min(0),
  overdueActions: z.number().int().min(0),
  openDeficiencies: z.number().int().min(0),
  /** open deficiencies that no action answers yet */
  deficienciesWithoutAction: z.number().int().min(0),
  /** open deficiencies past their deadline */
  overdueDeficiencies: z.number().int().min(0),
  /** meetings held or planned in the school year */
  meetings: z.number().int().min(0),
});
export type RollupUnit = z.infer<typeof RollupUnitSchema>;

export const UnitResultSchema = z.strictObject({
  unitId: z.string().min(1),
  /** the value of each year read; absent when there is none */
  values: byYear(z.number()),
  /** against the indicator's target in the school year; absent without a target or value */
  meetsTarget: z.boolean().optional(),
  /** the school year against the year before, given the direction */
  trend: z.enum(['better', 'worse', 'same']).optional(),
});
export type UnitResult = z.infer<typeof UnitResultSchema>;

export const IndicatorComparisonSchema = z.strictObject({
  indicatorId: z.string().min(1),
  name: IndicatorSchema.shape.name,
  unitOfMeasure: IndicatorSchema.shape.unitOfMeasure,
  direction: IndicatorSchema.shape.direction,
  target: IndicatorSchema.shape.target,
  /** the mean over the units that have a value, per year */
  averages: byYear(z.number()),
  /** the municipality's own value per year as Kolada publishes it ("Kommunen enligt Kolada"); absent without one */
  municipality: byYear(z.number()).optional(),
  units: listOf(UnitResultSchema),
  /** how many units meet the target in the school year, of those with a value */
  meetingTarget: z.number().int().min(0),
  withValue: z.number().int().min(0),
});
export type IndicatorComparison = z.infer<typeof IndicatorComparisonSchema>;

function deficiencySchema<A extends z.ZodType>(action: A) {
  return DeficiencySchema
    .pick({ unitId: true, title: true, source: true, foundOn: true, deadline: true, status: true, closedOn: true })
    .extend({
      id: z.string().min(1),
      actions: listOf(action),
      /** open, and no action answers it */
      withoutAction: z.boolean(),
      /** open and past its deadline */
      overdue: z.boolean(),
    });
}
export const RollupDeficiencySchema = deficiencySchema(RollupActionSchema);
export type RollupDeficiency = z.infer<typeof RollupDeficiencySchema>;

export const AreaToDevelopSchema = z.strictObject({
  /** as most units wrote it */
  area: z.string(),
  /** how many units named it in a submitted analysis */
  count: z.number().int().min(1),
  unitIds: listOf(z.string().min(1)),
});

function rollupSchema<A extends z.ZodType>(action: A) {
  return z.strictObject({
    schoolYear,
    /** the school year first, then the years before it */
    years: listOf(schoolYear),
    /** overdue is counted against this day */
    today: isoDate,
    units: listOf(RollupUnitSchema),
    /** how many units are in each state of each phase */
    phaseSummary: z.record(z.enum(phases), z.record(z.enum(phaseStates), z.number().int().min(0)).readonly()).readonly(),
    indicators: listOf(IndicatorComparisonSchema),
    deficiencies: listOf(deficiencySchema(action)),
    overdueActions: listOf(z.strictObject({ unitId: z.string().min(1), actions: listOf(action) })),
    commonAreasToDevelop: listOf(AreaToDevelopSchema),
    awaitingFeedback: listOf(z.strictObject({ unitId: z.string().min(1), analysisId: z.string().min(1), submittedAt: isoDateTime.optional() })),
    unreadFeedback: listOf(z.strictObject({ unitId: z.string().min(1), feedbackId: z.string().min(1), givenAt: isoDateTime })),
  });
}

/** The answer of `GET /organizer/rollup`, for the administration and the board alike. */
export const RollupSchema = rollupSchema(RollupActionSchema);
export type Rollup = z.infer<typeof RollupSchema>;

/** The board's answer, held stricter: an action owner anywhere in it is refused. */
export const BoardRollupSchema = rollupSchema(BoardActionSchema);
