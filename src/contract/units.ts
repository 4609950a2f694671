import { z } from 'zod';
import { UnitSchema, schoolYear, type Unit as UnitFields } from '../domain';
import { ActionItemSchema } from './actions';
import { CycleStateSchema } from './cycle';
import { DeficiencyEntrySchema } from './deficiencies';
import { FeedbackItemSchema } from './feedback';
import { GoalItemSchema } from './goals';
import { IndicatorItemSchema } from './indicators';
import { itemSchema, listOf, listSchema, pageSchema, type Item, type ItemPage } from './item';
import { MeasurementItemSchema } from './measurements';
import { MeetingItemSchema } from './meetings';
import { YearWheelActivityItemSchema } from './year-wheel';

/** `/units`, `/units/:unitId`, `/units/by-channel`, `/units/:unitId/channel`. */
export const UnitItemSchema = itemSchema(UnitSchema);
export type Unit = Item<UnitFields>;
export const UnitPageSchema = pageSchema(UnitItemSchema);
export type UnitPage = ItemPage<UnitFields>;

/** `GET /units/:unitId/overview`: everything the unit's start page shows, from one batch of reads. */
export const OverviewSchema = z.strictObject({
  unit: UnitItemSchema,
  schoolYear,
  cycle: CycleStateSchema,
  goals: listOf(GoalItemSchema),
  indicators: listOf(IndicatorItemSchema),
  /** the newest result per indicator */
  latestMeasurements: listOf(MeasurementItemSchema),
  openActions: listOf(ActionItemSchema),
  overdueActions: listOf(ActionItemSchema),
  nextMeetings: listOf(MeetingItemSchema),
  nextActivities: listOf(YearWheelActivityItemSchema),
  latestFeedback: FeedbackItemSchema.optional(),
  /** open deficiencies, flagged when no action answers them or their deadline has passed */
  openDeficiencies: listOf(DeficiencyEntrySchema),
});
export type Overview = z.infer<typeof OverviewSchema>;

export const unitPersonRoles = ['principal', 'staff'] as const;

/** Someone an action of the unit can be assigned to. */
export const UnitPersonSchema = z.strictObject({
  userId: z.string().min(1),
  name: z.string().min(1),
  roles: listOf(z.enum(unitPersonRoles)),
});
export type UnitPerson = z.infer<typeof UnitPersonSchema>;

/** `GET /units/:unitId/people`: the unit's principals and staff, by name. */
export const UnitPeopleSchema = listSchema(UnitPersonSchema);
export type UnitPeople = z.infer<typeof UnitPeopleSchema>;
