import { Packer } from 'docx';
import { formatterFor, isoDay, type Language, type SchoolYear } from '../../domain';
import { NotFoundError } from '../../store/errors';
import type { Caller } from '../caller';
import { computeRollup, type RollupService } from '../rollup';
import type { UnitAccess } from '../unit-access';
import { buildQualityReport, swedishFormat } from './quality-report';
import { reportWords } from './report-words';
import { buildUnitReport } from './unit-report';

export interface ReportServiceOptions {
  readonly now?: () => Date;
  /** the municipality (the controller of the data), shown under each report's title */
  readonly organizerName?: string;
}

export interface QualityReportRequest {
  /** leave out people's names (for the board) */
  readonly boardSafe?: boolean;
}

export interface UnitReportRequest extends QualityReportRequest {
  readonly schoolYear?: SchoolYear;
  readonly language: Language;
}

/** Both .docx reports, read with the roll-up's batched reads: the municipality's, and a unit's. */
export class ReportService {
  private readonly now: () => Date;
  private readonly english = formatterFor('en', { timeZone: 'Europe/Stockholm' });

  constructor(private readonly rollups: Pick<RollupService, 'load' | 'currentSchoolYear'>, private readonly access: Pick<UnitAccess, 'require' | 'allows'>, private readonly options: ReportServiceOptions = {}) {
    this.now = options.now ?? (() => new Date());
  }

  private named() {
    return this.options.organizerName !== undefined ? { organizerName: this.options.organizerName } : {};
  }

  /** The municipality's report for a school year as a .docx file. */
  async qualityReport(schoolYear: SchoolYear, request: QualityReportRequest = {}): Promise<Buffer> {
    const now = this.now();
    const data = await this.rollups.load(schoolYear);
    const rollup = computeRollup(data, isoDay(now));
    return Packer.toBuffer(buildQualityReport(data, rollup, { generatedAt: now, ...(request.boardSafe ? { boardSafe: true } : {}), ...this.named() }));
  }

  /**
   * A unit's report as a .docx file, for whoever may read the unit; its draft analyses only for
   * those who may read drafts (its members). The whole roll-up is read, so the unit's results
   * stand beside the municipality's average.
   */
  async unitReport(caller: Caller, unitId: string, request: UnitReportRequest): Promise<{ readonly fileName: string; readonly file: Buffer }> {
    await this.access.require(caller, 'unit.read', unitId);
    const drafts = await this.access.allows(caller, 'unit.readDraft', unitId);
    const now = this.now();
    const schoolYear = request.schoolYear ?? this.rollups.currentSchoolYear();
    const data = await this.rollups.load(schoolYear);
    const rollup = computeRollup(data, isoDay(now));
    const format = request.language === 'sv' ? swedishFormat : this.english;
    const document = buildUnitReport(data, rollup, unitId, { language: request.language, format, boardSafe: request.boardSafe === true, drafts }, { generatedAt: now, ...this.named() });
    const unitName = rollup.units.find((u) => u.unitId === unitId)?.name;
    if (!document || unitName === undefined) throw new NotFoundError('units', unitId);
    return { fileName: `${reportWords.qualityReport[request.language]} ${unitName} ${schoolYear.replace('/', '-')}.docx`, file: await Packer.toBuffer(document) };
  }
}
