/**
 * The API's wire shapes as the tab reads them: the domain's entities (src/domain, types only,
 * so no schema code reaches the bundle) with the server's bookkeeping on top.
 */
import type * as domain from '../../../src/domain';

/** What the server adds to every item. */
export interface ItemMeta {
  id: string;
  etag: string;
  createdAt: string;
  modifiedAt: string;
  createdByUser?: string;
  modifiedByUser?: string;
}

/** An entity as the API represents it. */
export type Item<T> = ItemMeta & T;

/** One page of a list. */
export interface Page<T> {
  items: T[];
  nextPageToken?: string;
}

export type ActionStatus = domain.ActionStatus;
export type OriginKind = domain.OriginKind;
export type AnalysisStatus = domain.AnalysisStatus;
export type PhaseState = domain.PhaseState;
export type Participant = domain.Participant;
export type ParticipantRole = domain.ParticipantRole;
export type MeetingType = domain.MeetingType;

export type ActionFields = domain.Action;
export type Action = Item<domain.Action>;
export type AnalysisFields = domain.Analysis;
export type Analysis = Item<domain.Analysis>;
export type Unit = Item<domain.Unit>;
export type Goal = Item<domain.Goal>;
export type Indicator = Item<domain.Indicator>;
export type Measurement = Item<domain.Measurement>;
export type Meeting = Item<domain.Meeting>;
export type FollowUpTemplate = Item<domain.FollowUpTemplate>;
export type FollowUpResponse = Item<domain.FollowUpResponse>;
export type Feedback = Item<domain.Feedback>;
export type Deficiency = Item<domain.Deficiency>;
export type YearWheelActivity = Item<domain.YearWheelActivity>;
export type CycleState = domain.CycleState;

/** `GET /api/units/:unitId/overview`. */
export interface Overview {
  unit: Unit;
  schoolYear: string;
  cycle: CycleState;
  goals: Goal[];
  indicators: Indicator[];
  latestMeasurements: Measurement[];
  openActions: Action[];
  overdueActions: Action[];
  nextMeetings: Meeting[];
  nextActivities: YearWheelActivity[];
  latestFeedback?: Feedback;
}

/** `GET /api/me`. */
export interface Me {
  userId: string;
  name: string;
  appRoles: string[];
  units: { unitId: string; name: string; roles: ('principal' | 'staff')[] }[];
}

/** `GET /api/config`: what the tab needs to sign in. */
export interface ApiConfig {
  mode: 'local' | 'm365';
  clientId?: string;
  tenantId?: string;
  authority?: string;
  apiScope?: string;
  devIdp?: { tokenUrl: string; personasUrl: string };
}

/** A demo person of local mode, as `GET /dev-idp/personas` lists them. */
export interface Persona {
  id: string;
  name: string;
  title?: string;
  roleDescription?: string;
}

/** What a unit's people answered after one of its meetings (GET /api/units/:unitId/follow-up-answers). */
export interface MeetingAnswers {
  meetingId: string;
  title: string;
  type: string;
  startsAt: string;
  respondents: number;
  questions: { questionId: string; sv: string; en: string; kind: 'text' | 'scale'; texts: string[]; scaleMean?: number; scaleCount: number }[];
}
