import type { AnalysisSupport } from '../../contract';
import type { IndicatorSupport } from '../../services/analysis-support-service';
import { represent } from './item';

/** `GET /units/:unitId/analysis-support`. */
export function presentAnalysisSupport(period: string, support: readonly IndicatorSupport[]): AnalysisSupport {
  return { period, indicators: support.map(({ indicator, ...rest }) => ({ indicator: represent(indicator), ...rest, series: [...rest.series] })) };
}
