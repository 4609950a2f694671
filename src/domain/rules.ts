import type { Action } from './action';
import type { OriginKind } from './choices';
import type { Deficiency } from './deficiency';

/** A rule that did not hold: the field it concerns, a stable code, and a message for people. */
export interface RuleViolation {
  readonly code: string;
  readonly field: string;
  readonly message: string;
}

/** What an action's origin must be: an existing record of its kind in the same unit. */
export interface OriginRecord {
  readonly kind: OriginKind;
  /** undefined for an organizer-level meeting */
  readonly unitId: string | undefined;
}

/**
 * An action points at the analysis, meeting or deficiency it came from. `origin` is what the
 * store holds under the action's originId, looked up by the caller; undefined when missing.
 * Another unit's record is answered exactly like a missing one: the answer must not tell an
 * outsider that it exists.
 */
export function checkActionOrigin(action: Pick<Action, 'unitId' | 'originKind'>, origin: OriginRecord | undefined): RuleViolation | undefined {
  const ofAnotherUnit = origin?.unitId !== undefined && origin.unitId !== action.unitId;
  if (origin === undefined || origin.kind !== action.originKind || ofAnotherUnit) {
    return { code: 'originNotFound', field: 'originId', message: 'åtgärden måste utgå från en befintlig analys, ett möte eller en brist i enheten' };
  }
  return undefined;
}

/** A deficiency cannot be closed before at least one action has been taken on it (skollagen 4 kap. 7 §). */
export function checkDeficiencyClose(
  deficiency: Pick<Deficiency, 'status'>,
  next: Pick<Deficiency, 'status'>,
  actions: readonly Pick<Action, 'originKind' | 'status'>[],
): RuleViolation | undefined {
  if (deficiency.status === 'closed' || next.status !== 'closed') return undefined;
  const taken = actions.filter((a) => a.originKind === 'deficiency' && a.status !== 'cancelled');
  if (taken.length === 0) {
    return { code: 'deficiencyWithoutAction', field: 'status', message: 'en brist kan inte stängas förrän minst en åtgärd har beslutats' };
  }
  return undefined;
}
