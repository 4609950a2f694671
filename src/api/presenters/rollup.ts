import type { Rollup } from '../../contract';
import type { BoardRollup, Rollup as ComputedRollup } from '../../services/rollup';

/**
 * `GET /organizer/rollup`: the administration's roll-up, or the board's without action owners.
 * A unit's row leaves out its cycle of every year read (`cycleByYear`): no view shows it, and at
 * 600 units it was a sixth of the answer.
 */
export function presentRollup(rollup: ComputedRollup | BoardRollup): Rollup {
  return { ...rollup, units: rollup.units.map(({ cycleByYear: _years, ...unit }) => unit) };
}
