/**
 * Every route of the API that answers JSON (paths under /api), and the schema of its answer. The
 * server's presenters are typed by these shapes, the tab's clients take their return types from this
 * table, and the contract test (test/api/contract.spec.ts) parses every route's answer with it.
 */
import { z } from 'zod';
import { ActionItemSchema, ActionPageSchema } from './actions';
import { AnalysisItemSchema, AnalysisPageSchema } from './analyses';
import { AnalysisSupportSchema } from './analysis-support';
import { DeficiencyItemSchema, DeficiencyPageSchema, DeficiencyRegisterSchema } from './deficiencies';
import { FeedbackItemSchema, FeedbackPageSchema } from './feedback';
import {
  FollowUpAnswersSchema, FollowUpResponseItemSchema, FollowUpResponsePageSchema, FollowUpTemplateItemSchema, FollowUpTemplatePageSchema,
} from './follow-ups';
import { GoalItemSchema, GoalListSchema, GoalPageSchema, GoalTreeSchema } from './goals';
import { DirectoryGroupsSchema, DirectoryPeopleSchema } from './directory';
import { ImportJobListSchema, ImportJobSchema, ImportPreviewSchema } from './imports';
import { IndicatorItemSchema, IndicatorPageSchema } from './indicators';
import { MeSchema, PublicConfigSchema } from './me';
import { MeasurementItemSchema, MeasurementPageSchema } from './measurements';
import { LiveAgendaItemSchema, MeetingItemSchema, MeetingLiveSchema, MeetingPageSchema, ParticipantsSchema } from './meetings';
import { OtherUnitsSchema } from './other-units';
import { RollupSchema } from './rollup';
import { SetupSchema } from './setup';
import { UnitImportPreviewSchema, UnitImportResultSchema } from './unit-imports';
import { OverviewSchema, UnitItemSchema, UnitPageSchema, UnitPeopleSchema } from './units';
import { YearWheelActivityItemSchema, YearWheelActivityPageSchema } from './year-wheel';

/** 204: no body. */
export const NoContentSchema = z.undefined();

export const answers = {
  'GET /config': PublicConfigSchema,
  'GET /me': MeSchema,

  'GET /units': UnitPageSchema,
  'GET /units/by-channel': UnitItemSchema,
  'GET /units/:unitId': UnitItemSchema,
  'PATCH /units/:unitId': UnitItemSchema,
  'PUT /units/:unitId/channel': UnitItemSchema,
  'GET /units/:unitId/overview': OverviewSchema,
  'GET /units/:unitId/people': UnitPeopleSchema,
  'POST /units': UnitItemSchema,
  'POST /units/:unitId/archive': UnitItemSchema,
  'POST /units/:unitId/restore': UnitItemSchema,
  'GET /setup': SetupSchema,
  'GET /directory/people': DirectoryPeopleSchema,
  'GET /directory/groups': DirectoryGroupsSchema,
  'POST /organizer/unit-imports/preview': UnitImportPreviewSchema,
  'POST /organizer/unit-imports': UnitImportResultSchema,

  'GET /units/:unitId/goals': GoalPageSchema,
  'POST /units/:unitId/goals': GoalItemSchema,
  'GET /units/:unitId/goal-tree': GoalTreeSchema,
  'GET /goals': GoalListSchema,
  'POST /goals': GoalItemSchema,
  'GET /organizer/goal-tree': GoalTreeSchema,
  'PATCH /goals/:id': GoalItemSchema,
  'DELETE /goals/:id': NoContentSchema,

  'GET /indicators': IndicatorPageSchema,
  'POST /indicators': IndicatorItemSchema,
  'PATCH /indicators/:id': IndicatorItemSchema,
  'POST /indicators/:id/archive': IndicatorItemSchema,
  'POST /indicators/:id/restore': IndicatorItemSchema,

  'GET /units/:unitId/measurements': MeasurementPageSchema,
  'POST /units/:unitId/measurements': MeasurementItemSchema,
  'PATCH /measurements/:id': MeasurementItemSchema,

  'GET /units/:unitId/analyses': AnalysisPageSchema,
  'GET /units/:unitId/analysis-support': AnalysisSupportSchema,
  'POST /units/:unitId/analyses': AnalysisItemSchema,
  'GET /analyses/:id': AnalysisItemSchema,
  'PATCH /analyses/:id': AnalysisItemSchema,
  'POST /analyses/:id/submit': AnalysisItemSchema,

  'GET /units/:unitId/actions': ActionPageSchema,
  'POST /units/:unitId/actions': ActionItemSchema,
  'GET /actions/:id': ActionItemSchema,
  'PATCH /actions/:id': ActionItemSchema,
  'POST /actions/:id/comments': ActionItemSchema,

  'GET /units/:unitId/deficiencies': DeficiencyPageSchema,
  'GET /units/:unitId/deficiency-register': DeficiencyRegisterSchema,
  'GET /organizer/deficiencies': DeficiencyRegisterSchema,
  'POST /units/:unitId/deficiencies': DeficiencyItemSchema,
  'PATCH /deficiencies/:id': DeficiencyItemSchema,

  'GET /units/:unitId/meetings': MeetingPageSchema,
  'POST /units/:unitId/meetings': MeetingItemSchema,
  'GET /meetings/by-teams-id/:teamsMeetingId': MeetingItemSchema,
  'GET /meetings/:id': MeetingItemSchema,
  'PATCH /meetings/:id': MeetingItemSchema,
  'GET /meetings/:id/responses': FollowUpResponsePageSchema,
  'PUT /meetings/:id/responses/me': FollowUpResponseItemSchema,
  'GET /units/:unitId/follow-up-answers': FollowUpAnswersSchema,

  'POST /meetings/link': MeetingItemSchema,
  'POST /year-wheel/:id/meeting': MeetingItemSchema,
  'GET /meetings/:id/live': MeetingLiveSchema,
  'POST /meetings/:id/agenda': LiveAgendaItemSchema,
  'PATCH /meetings/:id/agenda/:itemId': LiveAgendaItemSchema,
  'POST /meetings/:id/agenda/:itemId/decisions': LiveAgendaItemSchema,
  'PUT /meetings/:id/participants': ParticipantsSchema,
  'DELETE /meetings/:id/participants/:key': ParticipantsSchema,

  'GET /follow-up-templates': FollowUpTemplatePageSchema,
  'POST /follow-up-templates': FollowUpTemplateItemSchema,
  'GET /follow-up-templates/:meetingType': FollowUpTemplateItemSchema,

  'GET /year-wheel': YearWheelActivityPageSchema,
  'POST /year-wheel': YearWheelActivityItemSchema,
  'PATCH /year-wheel/:id': YearWheelActivityItemSchema,
  'DELETE /year-wheel/:id': NoContentSchema,

  'GET /units/:unitId/feedback': FeedbackPageSchema,
  'POST /units/:unitId/feedback': FeedbackItemSchema,
  'POST /feedback/:id/read': FeedbackItemSchema,

  'GET /my/actions': ActionPageSchema,
  'GET /my/follow-ups': MeetingPageSchema,

  'GET /other-units': OtherUnitsSchema,

  'GET /organizer/rollup': RollupSchema,
  'POST /organizer/imports/preview': ImportPreviewSchema,
  'POST /organizer/imports': ImportJobSchema,
  'GET /organizer/imports': ImportJobListSchema,
  'GET /organizer/imports/:id': ImportJobSchema,
} as const satisfies Record<`${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} /${string}`, z.ZodType>;

/** A route, as `METHOD /path` with `:name` for each path parameter. */
export type Route = keyof typeof answers;
/** What a route answers. */
export type Answer<R extends Route> = z.infer<(typeof answers)[R]>;

type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}` ? Name : never;
/** The path parameters of a route, by name: `{ unitId: string }` for `GET /units/:unitId/overview`. */
export type PathParams<R extends string> = { readonly [Name in ParamNames<R>]: string };
