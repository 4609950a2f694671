import type { ZodType } from 'zod';
import {
  ActionSchema, AnalysisSchema, BotConversationSchema, DeficiencySchema, FeedbackSchema, FollowUpResponseSchema,
  FollowUpTemplateSchema, GoalSchema, IndicatorSchema, JobSchema, MeasurementSchema, MeetingSchema, MunicipalityResultSchema, ResultImportSchema, UnitSchema,
  YearWheelActivitySchema, actionStatuses, activityKinds, analysisStatuses, conversationKinds, deficiencySources,
  deficiencyStatuses, directions, goalLevels, indicatorSources, jobStatuses, meetingTypes, originKinds, resultImportStates, unitTypes,
  unitsOfMeasure,
} from '../domain';
import type {
  Action, Analysis, BotConversation, Deficiency, Feedback, FollowUpResponse, FollowUpTemplate, Goal, Indicator, Job,
  Measurement, Meeting, MunicipalityResult, ResultImport, Unit, YearWheelActivity,
} from '../domain';
import { commonColumns, type ColumnDefinition, type ListDefinition } from './definition';

/** The domain entity held by each list. */
export interface Entities {
  units: Unit;
  goals: Goal;
  indicators: Indicator;
  measurements: Measurement;
  municipalityResults: MunicipalityResult;
  resultImports: ResultImport;
  analyses: Analysis;
  actions: Action;
  deficiencies: Deficiency;
  meetings: Meeting;
  followUpTemplates: FollowUpTemplate;
  followUpResponses: FollowUpResponse;
  yearWheel: YearWheelActivity;
  feedback: Feedback;
  botConversations: BotConversation;
  jobs: Job;
}
export type ListKey = keyof Entities;

/** A list's definition and the domain schema every item is checked against before it is written. */
export interface ListBinding<T> {
  readonly definition: ListDefinition;
  readonly schema: ZodType<T>;
}
export type ListBindings = { readonly [K in ListKey]: ListBinding<Entities[K]> };

const text = (name: string, more: Partial<ColumnDefinition> = {}): ColumnDefinition => ({ name, type: 'text', ...more });
const indexedText = (name: string, more: Partial<ColumnDefinition> = {}): ColumnDefinition => text(name, { indexed: true, ...more });
const choice = (name: string, choices: readonly string[], more: Partial<ColumnDefinition> = {}): ColumnDefinition =>
  ({ name, type: 'choice', choices, indexed: true, ...more });
const json = (name: string): ColumnDefinition => ({ name, type: 'json' });
const note = (name: string): ColumnDefinition => ({ name, type: 'note' });

/** The import a result came from and what users saw before it (never filtered: read from the mirror). */
const importTrailColumns: ColumnDefinition[] = [text('importId'), json('beforeImport')];

function list(key: ListKey, displayName: string, description: string, titleFrom: string, columns: ColumnDefinition[]): ListDefinition {
  return { key, displayName, description, titleFrom, columns: [...columns, ...commonColumns] };
}

/**
 * Every list and column. Every column a query filters on is indexed, and every query filters on
 * one indexed column first (SharePoint's 5,000-item list view threshold). JSON and note columns
 * are never filtered.
 */
export const lists: ListBindings = {
  units: { schema: UnitSchema, definition: list('units', 'KH Units', 'Enheter (skolenheter och förskoleenheter)', 'name', [
    text('name', { required: true }), choice('type', unitTypes, { required: true }),
    // unique in SharePoint too: two concurrent creates with one skolenhetskod cannot both be stored
    indexedText('schoolUnitCode', { required: true, unique: true }), json('principalIds'), indexedText('staffGroupId'), indexedText('koladaId'),
    // a Teams channel opens one unit: unique, so two units can never hold it (services/bindings.ts)
    indexedText('teamId'), indexedText('channelId', { unique: true }), { name: 'archivedAt', type: 'dateTime' },
  ]) },
  goals: { schema: GoalSchema, definition: list('goals', 'KH Goals', 'Mål och fokusområden', 'title', [
    note('description'), choice('level', goalLevels, { required: true }),
    indexedText('unitId'), indexedText('parentGoalId'), indexedText('schoolYear', { required: true }),
  ]) },
  indicators: { schema: IndicatorSchema, definition: list('indicators', 'KH Indicators', 'Indikatorer', 'name', [
    text('name', { required: true }), note('description'), choice('source', indicatorSources, { required: true }),
    choice('unitOfMeasure', unitsOfMeasure, { required: true, indexed: false }), choice('direction', directions, { required: true, indexed: false }),
    { name: 'target', type: 'number' }, indexedText('koladaKpi'), indexedText('goalId'),
    json('unitTypes'), json('groups'), json('importColumns'), { name: 'archivedOn', type: 'date' },
  ]) },
  measurements: { schema: MeasurementSchema, definition: list('measurements', 'KH Measurements', 'Resultat', 'period', [
    indexedText('indicatorId', { required: true }), indexedText('unitId', { required: true }), text('period', { required: true }),
    indexedText('schoolYear', { required: true }), { name: 'value', type: 'number', required: true }, json('groups'), ...importTrailColumns,
  ]) },
  // the municipality's own results as Kolada publishes them, beside the units' (never computed from them)
  municipalityResults: { schema: MunicipalityResultSchema, definition: list('municipalityResults', 'KH Municipality Results', 'Kommunens resultat (Kolada)', 'period', [
    indexedText('indicatorId', { required: true }), indexedText('municipalityId', { required: true }), text('period', { required: true }),
    indexedText('schoolYear', { required: true }), { name: 'value', type: 'number', required: true }, json('groups'),
    choice('source', ['kolada'], { required: true, indexed: false }), ...importTrailColumns,
  ]) },
  // one small item per result import (never its rows): which imports' results count (domain/result-import.ts)
  resultImports: { schema: ResultImportSchema, definition: list('resultImports', 'KH Result Imports', 'Resultatimporter och hur långt de kommit', 'jobId', [
    indexedText('jobId', { required: true }), choice('state', resultImportStates, { required: true }), { name: 'changedAt', type: 'dateTime', required: true },
  ]) },
  analyses: { schema: AnalysisSchema, definition: list('analyses', 'KH Analyses', 'Analyser', 'period', [
    indexedText('unitId', { required: true }), indexedText('schoolYear', { required: true }), text('period', { required: true }),
    choice('status', analysisStatuses, { required: true }), note('followUp'), note('causes'), note('direction'), note('approach'),
    note('evaluation'), json('strengths'), json('areasToDevelop'), json('measurementIds'), json('goalIds'), json('participants'),
    { name: 'submittedAt', type: 'dateTime' }, text('submittedBy'),
    // one analysis per unit and period: unique, so two creates at once cannot both be stored
    indexedText('periodKey', { unique: true }),
  ]) },
  actions: { schema: ActionSchema, definition: list('actions', 'KH Actions', 'Åtgärder', 'title', [
    note('description'), indexedText('unitId', { required: true }),
    indexedText('ownerId', { required: true }), text('ownerName'), { name: 'startDate', type: 'date' },
    { name: 'dueDate', type: 'date', indexed: true, required: true },
    choice('status', actionStatuses, { required: true }), choice('originKind', originKinds, { required: true, indexed: false }),
    indexedText('originId', { required: true }), indexedText('goalId'), indexedText('meetingId'), indexedText('schoolYear', { required: true }), note('evaluation'),
    // the comment history, oldest first: read with its action, never filtered (so one JSON column, not a list)
    json('comments'),
  ]) },
  deficiencies: { schema: DeficiencySchema, definition: list('deficiencies', 'KH Deficiencies', 'Brister', 'title', [
    note('description'), indexedText('unitId', { required: true }),
    choice('source', deficiencySources, { required: true }), { name: 'foundOn', type: 'date', required: true },
    { name: 'deadline', type: 'date', indexed: true }, choice('status', deficiencyStatuses, { required: true }), { name: 'closedOn', type: 'date' },
    text('caseNumber'),
  ]) },
  meetings: { schema: MeetingSchema, definition: list('meetings', 'KH Meetings', 'Möten', 'title', [
    choice('type', meetingTypes, { required: true }), indexedText('unitId'),
    { name: 'startsAt', type: 'dateTime', indexed: true, required: true }, indexedText('schoolYear', { required: true }),
    // a Teams meeting and its chat belong to one meeting: unique (services/bindings.ts)
    indexedText('teamsMeetingId', { unique: true }), indexedText('chatId', { unique: true }), json('participants'), json('agenda'),
    indexedText('yearWheelActivityId'), { name: 'endedAt', type: 'dateTime' }, json('attendees'),
    { name: 'startedAt', type: 'dateTime' },
  ]) },
  followUpTemplates: { schema: FollowUpTemplateSchema, definition: list('followUpTemplates', 'KH FollowUpTemplates', 'Frågemallar per mötestyp', 'meetingType', [
    choice('meetingType', meetingTypes, { required: true }), { name: 'version', type: 'number', required: true }, json('questions'), json('beforeQuestions'),
  ]) },
  followUpResponses: { schema: FollowUpResponseSchema, definition: list('followUpResponses', 'KH FollowUpResponses', 'Svar på uppföljningsfrågor', 'respondentId', [
    indexedText('meetingId', { required: true }), indexedText('unitId'), indexedText('templateId', { required: true }),
    { name: 'templateVersion', type: 'number', required: true }, indexedText('respondentId', { required: true }), json('answers'),
    { name: 'answeredAt', type: 'dateTime', required: true },
  ]) },
  yearWheel: { schema: YearWheelActivitySchema, definition: list('yearWheel', 'KH YearWheel', 'Årshjulets aktiviteter', 'title', [
    note('description'), choice('kind', activityKinds, { required: true, indexed: false }),
    indexedText('schoolYear', { required: true }), { name: 'date', type: 'date', indexed: true, required: true }, indexedText('unitId'),
    { name: 'remindDaysBefore', type: 'number' },
  ]) },
  feedback: { schema: FeedbackSchema, definition: list('feedback', 'KH Feedback', 'Återkoppling från huvudmannen', 'schoolYear', [
    indexedText('unitId', { required: true }), indexedText('analysisId', { required: true }), indexedText('schoolYear', { required: true }),
    note('text'), text('authorId', { required: true }), { name: 'givenAt', type: 'dateTime', required: true },
    { name: 'readAt', type: 'dateTime' }, text('readBy'),
  ]) },
  botConversations: { schema: BotConversationSchema, definition: list('botConversations', 'KH BotConversations', 'Botens konversationer', 'conversationId', [
    indexedText('conversationId', { required: true }), choice('kind', conversationKinds, { required: true }), indexedText('userId'),
    text('tenantId'), json('reference'), { name: 'lastSeenAt', type: 'dateTime', required: true },
  ]) },
  jobs: { schema: JobSchema, definition: list('jobs', 'KH Jobs', 'Bakgrundsjobb (påminnelser, utskick)', 'key', [
    indexedText('kind', { required: true }), indexedText('key', { required: true }), choice('status', jobStatuses, { required: true }),
    { name: 'dueAt', type: 'dateTime', indexed: true, required: true }, { name: 'leaseUntil', type: 'dateTime' }, text('leasedBy'),
    { name: 'attempts', type: 'number', required: true }, json('payload'), note('lastError'), { name: 'doneAt', type: 'dateTime' },
  ]) },
};

export const allLists: readonly ListDefinition[] = Object.values(lists).map((binding) => binding.definition);

/**
 * The lists views read: each server instance mirrors them and keeps its mirror by Graph delta
 * (src/store/mirror), so no view queries a list whose items pass the list view threshold. Bot
 * conversations and jobs are read by key, a few at a time, straight from Graph.
 */
export const mirroredLists = [
  'units', 'goals', 'indicators', 'measurements', 'municipalityResults', 'resultImports', 'analyses', 'actions', 'deficiencies', 'meetings',
  'followUpTemplates', 'followUpResponses', 'yearWheel', 'feedback',
] as const satisfies readonly ListKey[];
export type MirroredList = (typeof mirroredLists)[number];
