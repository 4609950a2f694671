import type { Action } from './action';
import type { OriginKind } from './choices';
import type { Deficiency } from './deficiency';
import { inspectionCaseNumber, isDeficiencyOverdue } from './deficiency';
import type { Goal } from './goal';
import { ruleMessages } from './messages';
import { parentLevels } from './goal';

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

/**
 * What an action must hold as a whole, on every path that writes one (the tab, the meeting panel,
 * the bot's card): it starts no later than it is due, and it is done only with its evaluation
 * ("Hur blev det?"): the cycle's last question is answered before the action closes.
 */
export function checkAction(action: Pick<Action, 'startDate' | 'dueDate' | 'status' | 'evaluation'>): RuleViolation | undefined {
  if (action.startDate !== undefined && action.startDate > action.dueDate) {
    return { code: 'startAfterDue', field: 'startDate', message: ruleMessages.startAfterDue.sv };
  }
  if (action.status === 'done' && (action.evaluation ?? '').trim() === '') {
    return { code: 'evaluationRequired', field: 'evaluation', message: ruleMessages.evaluationRequired.sv };
  }
  return undefined;
}

/** An action that answers a deficiency and has been carried out and followed up ("Hur blev det?"). */
export function isDoneAndEvaluated(action: Pick<Action, 'status' | 'evaluation'>): boolean {
  return action.status === 'done' && (action.evaluation ?? '').trim() !== '';
}

/**
 * Why a deficiency cannot be closed yet, or undefined when it can: at least one of its actions
 * must be done and evaluated (skollagen 4 kap. 7 §: a deficiency leads to actions; their effect is
 * followed up). `actions` are those that point at it. The tab shows the same reason.
 */
export function deficiencyCloseBlocker(actions: readonly Pick<Action, 'originKind' | 'status' | 'evaluation'>[]): RuleViolation | undefined {
  const taken = actions.filter((a) => a.originKind === 'deficiency' && a.status !== 'cancelled');
  if (taken.length === 0) {
    return { code: 'deficiencyWithoutAction', field: 'status', message: 'en brist kan inte stängas förrän minst en åtgärd har beslutats' };
  }
  if (!taken.some(isDoneAndEvaluated)) {
    return { code: 'deficiencyNotEvaluated', field: 'status', message: 'en brist kan stängas först när minst en av dess åtgärder är genomförd och utvärderad' };
  }
  return undefined;
}

/** A deficiency closes only through `deficiencyCloseBlocker`; other changes are not held. */
export function checkDeficiencyClose(
  deficiency: Pick<Deficiency, 'status'>,
  next: Pick<Deficiency, 'status'>,
  actions: readonly Pick<Action, 'originKind' | 'status' | 'evaluation'>[],
): RuleViolation | undefined {
  if (deficiency.status === 'closed' || next.status !== 'closed') return undefined;
  return deficiencyCloseBlocker(actions);
}

/** What a deficiency must hold as a whole: a deadline after it was found, Skolinspektionen's case number as they write it. */
export function checkDeficiency(deficiency: Pick<Deficiency, 'source' | 'foundOn' | 'deadline' | 'caseNumber'>): RuleViolation | undefined {
  if (deficiency.deadline !== undefined && deficiency.deadline < deficiency.foundOn) {
    return { code: 'deadlineBeforeFound', field: 'deadline', message: 'sista dagen kan inte ligga före dagen då bristen upptäcktes' };
  }
  if (deficiency.source === 'inspection' && deficiency.caseNumber !== undefined && !inspectionCaseNumber.test(deficiency.caseNumber)) {
    return { code: 'invalidCaseNumber', field: 'caseNumber', message: 'Skolinspektionens diarienummer skrivs som SI 2026:1234' };
  }
  return undefined;
}

/** What the register, the overview and the roll-up flag about an open deficiency. */
export interface DeficiencyFlags {
  /** open, and no action answers it (cancelled ones do not) */
  readonly withoutAction: boolean;
  /** open and past its deadline */
  readonly overdue: boolean;
}

export function deficiencyFlags(
  deficiency: Pick<Deficiency, 'status' | 'deadline'>,
  actions: readonly Pick<Action, 'originKind' | 'status'>[],
  today: string,
): DeficiencyFlags {
  const open = deficiency.status === 'open';
  return {
    withoutAction: open && !actions.some((a) => a.originKind === 'deficiency' && a.status !== 'cancelled'),
    overdue: isDeficiencyOverdue(deficiency, today),
  };
}

/**
 * A goal's parent, looked up by the caller (undefined when missing): a unit goal stands under one
 * of the organizer's goals or areas of the same school year (it must have one); an area may stand
 * under an organizer goal; an organizer goal stands on its own.
 */
export function checkGoalParent(goal: Pick<Goal, 'level' | 'schoolYear' | 'parentGoalId'>, parent: Pick<Goal, 'level' | 'schoolYear'> | undefined): RuleViolation | undefined {
  const allowed = parentLevels[goal.level];
  if (goal.parentGoalId === undefined) {
    return goal.level === 'unit'
      ? { code: 'parentGoalRequired', field: 'parentGoalId', message: 'ett enhetsmål står under ett av huvudmannens mål eller fokusområden' }
      : undefined;
  }
  if (parent === undefined || !allowed.includes(parent.level)) {
    return { code: 'parentGoalNotFound', field: 'parentGoalId', message: allowed.length === 0 ? 'huvudmannens mål står inte under något annat' : 'målet som det står under finns inte' };
  }
  if (parent.schoolYear !== goal.schoolYear) {
    return { code: 'parentGoalOtherYear', field: 'parentGoalId', message: 'målet och det som det står under hör till olika läsår' };
  }
  return undefined;
}
