import type { UnitRole, Words } from '../domain';
import type { Principal } from './principal';

/**
 * The one place that decides who may do what (roles in DOMAIN.md). Pure: the caller loads the
 * unit's membership and passes it in. Every API route names the permission it needs.
 */

export type Permission =
  | 'public'
  | 'me.read'
  | 'units.list'
  /** Read what a unit has published: submitted analyses, results, actions. */
  | 'unit.read'
  /** Read a unit's work in progress: draft analyses. */
  | 'unit.readDraft'
  | 'unit.edit'
  /** Enter and correct the unit's results: its principals and its staff. */
  | 'results.enter'
  /** Bind a Teams channel to the unit. */
  | 'unit.configure'
  | 'action.create'
  /** Needs `ownerId` for staff: they update only actions they own. */
  | 'action.update'
  /** Needs `respondentId`: one answers only one's own follow-up. */
  | 'followUp.answer'
  /** The unit acknowledges the organizer's feedback. */
  | 'feedback.confirm'
  /**
   * Andra enheter: every unit's published work (submitted analyses, actions, their evaluations)
   * and the common areas with who works on each: principals learn from each other. The
   * administration and whoever leads a unit; not the board (it reads the roll-up), nor staff.
   */
  | 'units.learn'
  /** The roll-up of all units. */
  | 'organizer.read'
  /** Year wheel, templates, organizer goals, indicators, feedback. */
  | 'organizer.edit';

export const PERMISSIONS: readonly Permission[] = [
  'public', 'me.read', 'units.list', 'unit.read', 'unit.readDraft', 'unit.edit', 'results.enter', 'unit.configure',
  'action.create', 'action.update', 'followUp.answer', 'feedback.confirm', 'units.learn', 'organizer.read', 'organizer.edit',
];

/** Who leads and who works in a unit, from the Units list. */
export interface UnitMembership {
  readonly unitId: string;
  /** Entra object ids of the unit's principals. */
  readonly principalIds: readonly string[];
  /** Entra group whose members are the unit's staff. */
  readonly staffGroupId?: string;
  /** An archived unit keeps its history for reading; nothing in it is changed until it is restored. */
  readonly archived?: boolean;
}

/** What only reads a unit: everything else changes something in it. */
const unitReads: ReadonlySet<Permission> = new Set(['unit.read', 'unit.readDraft']);

/** An analysis in the unit: only submitted ones are published beyond the unit. */
export type AnalysisVisibility = 'draft' | 'submitted';

export interface PolicyResource {
  readonly unit?: UnitMembership;
  /** The owner of the action to update. */
  readonly ownerId?: string;
  /** The person whose follow-up response is written. */
  readonly respondentId?: string;
  /**
   * For reads of an analysis: a draft needs 'unit.readDraft' even when 'unit.read' was asked, so a
   * route that reads "an analysis" cannot leak a draft by naming the weaker permission.
   */
  readonly analysisStatus?: AnalysisVisibility;
  /**
   * An organizer-level meeting (no unit: SKA-dagar, dialogdagar), and whether the user takes part
   * in it. Its participants record in it (`action.create`: agenda points, decisions, the
   * participation record) and answer its follow-up (`followUp.answer`, their own).
   */
  readonly organizerMeeting?: { readonly participant: boolean };
}

export type { UnitRole };

/** A refusal says why, in words the refused person reads (the API's 403 detail). */
export type Decision = { allowed: true } | { allowed: false; reason: Words };

const ALLOW: Decision = { allowed: true };
const deny = (sv: string, en: string): Decision => ({ allowed: false, reason: { sv, en } });

/** The roles the principal holds towards this unit (administration and board hold for every unit). */
export function unitRoles(principal: Principal, unit: UnitMembership): Set<UnitRole> {
  const roles = new Set<UnitRole>();
  if (principal.appRoles.includes('Administration')) roles.add('administration');
  if (principal.appRoles.includes('Board')) roles.add('board');
  if (unit.principalIds.includes(principal.userId)) roles.add('principal');
  if (unit.staffGroupId !== undefined && principal.groups.includes(unit.staffGroupId)) roles.add('staff');
  return roles;
}

/**
 * Leads some unit other than this one: such a principal may read this unit's published work
 * (collegial learning between principals). Needs `principalOfUnitIds` (see withPrincipalUnits).
 */
function leadsAnotherUnit(principal: Principal, unit: UnitMembership): boolean {
  return (principal.principalOfUnitIds ?? []).some((unitId) => unitId !== unit.unitId);
}

/**
 * Whether the unit exists at all for this user. When false the API answers 404, not 403, so that
 * outsiders cannot learn which units there are.
 */
export function canSeeUnit(principal: Principal, unit: UnitMembership): boolean {
  return unitRoles(principal, unit).size > 0 || leadsAnotherUnit(principal, unit);
}

/** Adds the ids of the units the user leads, which the token cannot carry; call once per request. */
export function withPrincipalUnits(principal: Principal, units: readonly UnitMembership[]): Principal {
  const principalOfUnitIds = units.filter((unit) => unit.principalIds.includes(principal.userId)).map((unit) => unit.unitId);
  return { ...principal, principalOfUnitIds };
}

function authorizeInUnit(principal: Principal, permission: Permission, resource: PolicyResource, unit: UnitMembership): Decision {
  const roles = unitRoles(principal, unit);
  const isPrincipal = roles.has('principal');
  const isStaff = roles.has('staff');
  const isMember = isPrincipal || isStaff;
  const readsPublished = isMember || roles.has('board') || leadsAnotherUnit(principal, unit);
  if (!readsPublished) return deny('Du hör inte till enheten.', 'You are not a member of the unit.');

  switch (permission) {
    case 'unit.read':
      if (resource.analysisStatus !== undefined && resource.analysisStatus !== 'submitted' && !isMember) {
        return deny('Utkast läses bara inom enheten.', 'Drafts are read only within the unit.');
      }
      return ALLOW;
    case 'unit.readDraft':
      return isMember ? ALLOW : deny('Utkast läses bara inom enheten.', 'Drafts are read only within the unit.');
    case 'unit.edit':
    case 'unit.configure':
    case 'feedback.confirm':
      return isPrincipal ? ALLOW : deny('Bara enhetens rektor får göra det här.', 'Only the unit\'s principal may do this.');
    case 'action.create':
      return isMember ? ALLOW : deny('Bara enhetens rektor och personal skapar åtgärder.', 'Only the unit\'s principal and staff create actions.');
    case 'results.enter':
      return isMember ? ALLOW : deny('Bara enhetens rektor och personal för in dess resultat.', 'Only the unit\'s principal and staff enter its results.');
    case 'action.update':
      if (isPrincipal) return ALLOW;
      if (isStaff && resource.ownerId !== undefined && resource.ownerId === principal.userId) return ALLOW;
      return (isStaff
        ? deny('Personal ändrar bara de åtgärder som de själva är ansvariga för.', 'Staff change only the actions they are responsible for.')
        : deny('Bara enhetens rektor och personal ändrar åtgärder.', 'Only the unit\'s principal and staff change actions.'));
    case 'followUp.answer':
      if (isMember && resource.respondentId !== undefined && resource.respondentId === principal.userId) return ALLOW;
      return deny('Du svarar bara på din egen uppföljning.', 'You answer only your own follow-up.');
    default:
      return deny(`Behörigheten ${permission} gäller inte en enhet.`, `${permission} is not a unit permission.`);
  }
}

/**
 * In an organizer meeting its participants record and answer; the board, which may attend (a
 * dialogue day), writes nothing there either: its role grants reading, never a write.
 */
function authorizeInOrganizerMeeting(principal: Principal, permission: Permission, resource: PolicyResource, participant: boolean): Decision {
  if (principal.appRoles.includes('Board')) return deny('Nämnden läser men skriver ingenting.', 'The board reads; it writes nothing.');
  if (!participant) return deny('Bara mötets deltagare antecknar i det och svarar på dess uppföljning.', 'Only the meeting\'s participants record in it and answer its follow-up.');
  switch (permission) {
    case 'action.create':
      return ALLOW;
    case 'followUp.answer':
      return resource.respondentId !== undefined && resource.respondentId === principal.userId ? ALLOW : deny('Du svarar bara på din egen uppföljning.', 'You answer only your own follow-up.');
    default:
      return deny(`Behörigheten ${permission} gäller inte i huvudmannens möten.`, `${permission} is not a permission in an organizer meeting.`);
  }
}

/**
 * Decides whether `principal` may do `permission`, on `resource` when it is about a unit or an
 * organizer meeting. Unit permissions without either are refused (except for the administration,
 * who may do everything). On refusal, use `canSeeUnit` to choose between 404 and 403.
 */
export function authorize(principal: Principal, permission: Permission, resource: PolicyResource = {}): Decision {
  if (permission === 'public' || permission === 'me.read' || permission === 'units.list') return ALLOW;
  // before any role: not even the administration changes an archived unit's work
  if (resource.unit?.archived === true && !unitReads.has(permission)) return deny('Enheten är arkiverad: återställ den för att ändra den.', 'The unit is archived: restore it to change it.');
  if (principal.appRoles.includes('Administration')) return ALLOW;
  if (permission === 'organizer.read') {
    return principal.appRoles.includes('Board') ? ALLOW : deny('Sammanställningen är för förvaltningen och nämnden.', 'The roll-up is for the administration and the board.');
  }
  if (permission === 'organizer.edit') return deny('Bara förvaltningen ändrar huvudmannens arbete.', 'Only the administration edits the organizer\'s work.');
  if (permission === 'units.learn') {
    return (principal.principalOfUnitIds ?? []).length > 0 ? ALLOW : deny('Andra enheters arbete är för rektorer och förvaltningen.', 'Other units\' work is for principals and the administration.');
  }
  if (resource.organizerMeeting !== undefined) return authorizeInOrganizerMeeting(principal, permission, resource, resource.organizerMeeting.participant);
  if (resource.unit === undefined) return deny(`Behörigheten ${permission} kräver en enhet.`, `${permission} needs a unit.`);
  return authorizeInUnit(principal, permission, resource, resource.unit);
}
