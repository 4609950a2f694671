/**
 * The organizer's roll-up: `types.ts` its shapes, `load.ts` the reading, `compute.ts` (with
 * `indicators.ts`, `areas.ts`) the pure computation, `board.ts` the board's staff-free view.
 * Consumers import from here.
 */
export { RollupService, type RollupServiceOptions } from './rollup-service';
export { computeRollup } from './compute';
export { meetsTarget, yearValue } from './indicators';
export { commonAreas, normalizeArea } from './areas';
export { toBoardView } from './board';
export type {
  AreaToDevelop, BoardAction, BoardDeficiency, BoardRollup, FeedbackState, IndicatorComparison, Rollup, RollupAction,
  RollupData, RollupDeficiency, RollupUnit, UnitResult,
} from './types';
