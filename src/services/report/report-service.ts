import { Packer } from 'docx';
import { isoDay, type SchoolYear } from '../../domain';
import { computeRollup, type RollupService } from '../rollup';
import { buildQualityReport } from './quality-report';

export interface ReportServiceOptions {
  readonly now?: () => Date;
  /** shown in the report's title */
  readonly organizerName?: string;
}

export interface QualityReportRequest {
  /** leave out who owns each action (for the board) */
  readonly boardSafe?: boolean;
}

/** The municipality's quality report, read with the roll-up's batched reads. */
export class ReportService {
  private readonly now: () => Date;

  constructor(private readonly rollups: Pick<RollupService, 'load'>, private readonly options: ReportServiceOptions = {}) {
    this.now = options.now ?? (() => new Date());
  }

  /** The report for a school year as a .docx file. */
  async qualityReport(schoolYear: SchoolYear, request: QualityReportRequest = {}): Promise<Buffer> {
    const now = this.now();
    const data = await this.rollups.load(schoolYear);
    const rollup = computeRollup(data, isoDay(now));
    const document = buildQualityReport(data, rollup, {
      generatedAt: now,
      ...(request.boardSafe ? { boardSafe: true } : {}),
      ...(this.options.organizerName !== undefined ? { organizerName: this.options.organizerName } : {}),
    });
    return Packer.toBuffer(document);
  }
}
