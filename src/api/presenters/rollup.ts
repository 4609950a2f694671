import type { Rollup } from '../../contract';
import type { BoardRollup, Rollup as ComputedRollup } from '../../services/rollup';

/** `GET /organizer/rollup`: the administration's roll-up, or the board's without action owners. */
export function presentRollup(rollup: ComputedRollup | BoardRollup): Rollup {
  return rollup;
}
