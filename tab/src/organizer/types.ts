/**
 * The organizer routes' wire shapes as the tab reads them. The server's services are not the
 * tab's to import (the lint boundary), so the shapes are restated here from the API's answers.
 */
import type { Analysis, Feedback, FollowUpTemplate, Item, MeetingType, PhaseState } from '../api/types';
import type * as domain from '../../../src/domain';

export type Phase = 'followUp' | 'analysis' | 'planning' | 'implementation';
export type FeedbackState = 'noSubmission' | 'waiting' | 'unread' | 'read';
export type ActivityKind = domain.YearWheelActivity['kind'];
export type YearWheelActivityFields = domain.YearWheelActivity;
export type YearWheelActivity = Item<domain.YearWheelActivity>;
export type Question = domain.Question;
export type { Analysis, Feedback, FollowUpTemplate, MeetingType, PhaseState };

/** One unit's row of the roll-up. */
export interface RollupUnit {
  unitId: string;
  name: string;
  type: string;
  schoolUnitCode: string;
  cycle: domain.CycleState;
  cycleByYear: Record<string, domain.CycleState>;
  analysisStatus: domain.AnalysisStatus | 'none';
  feedback: FeedbackState;
  openActions: number;
  overdueActions: number;
  openDeficiencies: number;
  meetings: number;
}

/** An action in the roll-up; the board's copy carries no owner. */
export interface RollupAction {
  id: string;
  unitId: string;
  title: string;
  dueDate: string;
  status: domain.ActionStatus;
  originKind: domain.OriginKind;
  schoolYear: string;
  ownerName?: string;
}

export interface UnitResult {
  unitId: string;
  values: Record<string, number>;
  meetsTarget?: boolean;
  trend?: 'better' | 'worse' | 'same';
}

export interface IndicatorComparison {
  indicatorId: string;
  name: string;
  unitOfMeasure: domain.Indicator['unitOfMeasure'];
  direction: domain.Indicator['direction'];
  target?: number;
  averages: Record<string, number>;
  units: UnitResult[];
  meetingTarget: number;
  withValue: number;
}

export interface RollupDeficiency {
  id: string;
  unitId: string;
  title: string;
  source: domain.Deficiency['source'];
  foundOn: string;
  deadline?: string;
  status: domain.Deficiency['status'];
  closedOn?: string;
  actions: RollupAction[];
}

/** `GET /api/organizer/rollup`: the same shape for the administration and the board. */
export interface Rollup {
  schoolYear: string;
  years: string[];
  today: string;
  units: RollupUnit[];
  phaseSummary: Record<Phase, Record<PhaseState, number>>;
  indicators: IndicatorComparison[];
  deficiencies: RollupDeficiency[];
  overdueActions: { unitId: string; actions: RollupAction[] }[];
  commonAreasToDevelop: { area: string; count: number; unitIds: string[] }[];
  awaitingFeedback: { unitId: string; analysisId: string; submittedAt?: string }[];
  unreadFeedback: { unitId: string; feedbackId: string; givenAt: string }[];
}

export type ImportKind = 'kolada' | 'skolverket';

/** A row or header problem, with the file's line number. */
export interface ImportError {
  line: number;
  field: string;
  message: string;
}

export interface ImportRow {
  line: number;
  indicatorName: string;
  unitName: string;
  period: string;
  value: number;
  change: 'create' | 'update' | 'unchanged';
  previousValue?: number;
}

export interface ImportSummary {
  kind: ImportKind;
  rows: number;
  create: number;
  update: number;
  unchanged: number;
  skipped: number;
  errors: number;
  units: number;
  indicators: number;
  schoolYears: string[];
  ignoredColumns: string[];
}

/** `POST /api/organizer/imports/preview`. */
export interface ImportPreview {
  rows: ImportRow[];
  errors: ImportError[];
  summary: ImportSummary;
  truncated?: boolean;
}

/** `POST /api/organizer/imports`: what the commit did. */
export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  summary: ImportSummary;
}
