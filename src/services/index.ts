/**
 * The services: one per resource family. Each takes the store port in its constructor and holds
 * the rules; API handlers call them and never the store.
 */
import { emptyDirectory, type Directory } from '../auth/directory';
import type { Entities } from '../lists/lists';
import type { Store } from '../store/port';
import type { ReadModel } from '../store/read-model';
import { ActionService, type ActionServiceOptions } from './action-service';
import { AnalysisService } from './analysis-service';
import { DeficiencyService } from './deficiency-service';
import { DirectoryService } from './directory-service';
import { DirectoryCallers } from './directory-callers';
import { FeedbackService } from './feedback-service';
import { FollowUpService } from './follow-up-service';
import { GoalService } from './goal-service';
import { ImportService, type ImportServiceOptions } from './import/import-service';
import { ImportWorker, type ImportWorkerOptions } from './import/import-worker';
import { IndicatorService } from './indicator-service';
import { MeasurementService } from './measurement-service';
import { MeetingService } from './meeting-service';
import { MeetingLiveService } from './meeting-live-service';
import { OtherUnitsService } from './other-units/other-units-service';
import { OverviewService } from './overview-service';
import { AnalysisSupportService } from './analysis-support-service';
import { PeopleService } from './people-service';
import { ReportService } from './report/report-service';
import { RollupService } from './rollup';
import { SetupService, type SetupContact } from './setup-service';
import { UnitImportService, type UnitImportServiceOptions } from './unit-import/unit-import-service';
import { withSealedPageTokens } from './sealed-page-tokens';
import { UnitAccess } from './unit-access';
import { UnitService } from './unit-service';
import { YearWheelService } from './year-wheel-service';

export interface ServicesOptions {
  /** the clock of every rule that depends on today */
  readonly now?: () => Date;
  /** see UnitAccessOptions.cacheMilliseconds */
  readonly unitCacheMilliseconds?: number;
  /** the key that seals page tokens (see withSealedPageTokens) */
  readonly pageTokenKey?: string;
  /** who is in a unit's staff group and what people are called. Default: knows nobody */
  readonly directory?: Directory;
  /** the municipality (the controller of the data), shown under both reports' titles */
  readonly organizerName?: string;
  readonly imports?: ImportServiceOptions;
  /** the worker that runs result imports (its budget is the imports' `unitsPerMinute`) */
  readonly importWorker?: Omit<ImportWorkerOptions, 'unitsPerMinute'>;
  /** unit imports from Skolverket's register (the register itself, where it can be reached) */
  readonly unitImports?: UnitImportServiceOptions;
  /** whom people ask when the product is not set up: the administration (the controller of the data) */
  readonly contact?: SetupContact;
  /** see ActionServiceOptions.onOwnerGivenInMeeting (the bot's in-meeting notification) */
  readonly onOwnerGivenInMeeting?: ActionServiceOptions['onOwnerGivenInMeeting'];
}

/** A contact nobody configured: the tab then says only "ask the administration". */
const noContact: SetupContact = { name: 'Förvaltningen', email: '' };

export interface Services {
  readonly access: UnitAccess;
  /** the caller for someone who brings no token (the bot's card actions), from the directory */
  readonly callers: DirectoryCallers;
  readonly units: UnitService;
  readonly overview: OverviewService;
  /** what an analysis looks at beside each result: over time, the target, groups, other units */
  readonly analysisSupport: AnalysisSupportService;
  readonly goals: GoalService;
  readonly indicators: IndicatorService;
  readonly measurements: MeasurementService;
  readonly analyses: AnalysisService;
  readonly actions: ActionService;
  readonly deficiencies: DeficiencyService;
  readonly meetings: MeetingService;
  /** the meeting extension: live state, agenda items, participation, linking */
  readonly meetingLive: MeetingLiveService;
  readonly followUps: FollowUpService;
  readonly yearWheel: YearWheelService;
  readonly feedback: FeedbackService;
  /** a unit's principals and staff: who an action can be assigned to */
  readonly people: PeopleService;
  /** finding principals and staff groups in the directory, for the administration */
  readonly directory: DirectoryService;
  /** units from Skolverket's school-unit register: preview, then all or nothing */
  readonly unitImports: UnitImportService;
  /** where setting the product up stands: the set-up guide's steps */
  readonly setup: SetupService;
  /** Andra enheter: other units' published work and whom to ask, for principals and the administration */
  readonly otherUnits: OtherUnitsService;
  /** the organizer's level: every unit side by side for a school year */
  readonly rollups: RollupService;
  /** result imports (Kolada, Skolverket): preview, then a background job, all or nothing */
  readonly imports: ImportService;
  /** runs the queued result imports; the server starts and stops it */
  readonly importWorker: ImportWorker;
  /** both .docx reports: the municipality's and a unit's */
  readonly reports: ReportService;
}

/**
 * Every service over the store (its writes and the reads of one item or a page) and the read
 * model (the views: overview, roll-up, Mina åtgärder, follow-ups, the meeting's live state).
 */
export function createServices(unsealed: Store<Entities>, views: ReadModel<Entities>, options: ServicesOptions = {}): Services {
  const store = withSealedPageTokens(unsealed, options.pageTokenKey !== undefined ? { key: options.pageTokenKey } : {});
  const clock = options.now ? { now: options.now } : {};
  const access = new UnitAccess(store, options.unitCacheMilliseconds !== undefined ? { cacheMilliseconds: options.unitCacheMilliseconds } : {});
  const meetings = new MeetingService(store, access);
  const rollups = new RollupService(views, clock);
  const directory = options.directory ?? emptyDirectory;
  const imports = new ImportService(store, views, { ...options.imports, ...clock, onQueued: () => importWorker.kick() });
  const importWorker = new ImportWorker(store, { ...options.importWorker, unitsPerMinute: imports.unitsPerMinute });
  return {
    access,
    callers: new DirectoryCallers(access, directory),
    units: new UnitService(store, access, clock),
    overview: new OverviewService(views, access, clock),
    analysisSupport: new AnalysisSupportService(views, access),
    goals: new GoalService(store, views, access, clock),
    indicators: new IndicatorService(store, access, clock),
    measurements: new MeasurementService(store, views, access),
    analyses: new AnalysisService(store, access, clock),
    actions: new ActionService(store, views, access, { ...clock, ...(options.onOwnerGivenInMeeting ? { onOwnerGivenInMeeting: options.onOwnerGivenInMeeting } : {}) }),
    deficiencies: new DeficiencyService(store, views, access, clock),
    meetings,
    meetingLive: new MeetingLiveService(store, views, access, meetings),
    followUps: new FollowUpService(store, views, access, meetings, clock),
    yearWheel: new YearWheelService(store, views, access),
    feedback: new FeedbackService(store, access, clock),
    people: new PeopleService(access, directory),
    directory: new DirectoryService(access, directory),
    unitImports: new UnitImportService(store, access, options.unitImports ?? {}),
    setup: new SetupService(store, access, options.contact ?? noContact),
    otherUnits: new OtherUnitsService(views, access, directory, clock),
    rollups,
    imports,
    importWorker,
    reports: new ReportService(rollups, access, { ...clock, ...(options.organizerName !== undefined ? { organizerName: options.organizerName } : {}) }),
  };
}

export type { Caller } from './caller';
export type { OwnerGivenInMeeting } from './action-service';
export type { NamedUser } from './directory-callers';
export type { UnitPerson, UnitPersonRole } from './people-service';
export type { OtherUnitsView } from './other-units/other-units-service';
export type { SetupStatus, SetupStepState } from './setup-service';
export { ForbiddenError, InvalidPageTokenError, NotVisibleError, RuleError, ServiceError } from './errors';
