import type { Principal } from '../auth/principal';
import { authorize, canSeeUnit, withPrincipalUnits, type Permission, type PolicyResource, type UnitMembership } from '../auth/policy';
import { isArchived, type Unit } from '../domain';
import type { Entities } from '../lists/lists';
import type { Store, StoredItem } from '../store/port';
import type { Caller } from './caller';
import { ForbiddenError, NotVisibleError } from './errors';

export interface UnitAccessOptions {
  /**
   * How long the Units list is reused between requests. Membership changes rarely and every
   * request needs it (who leads which unit), so one read serves many requests; writes made
   * through this process clear it at once.
   */
  readonly cacheMilliseconds?: number;
  readonly now?: () => number;
}

export function membershipOf(unit: StoredItem<Unit>): UnitMembership {
  return {
    unitId: unit.id,
    principalIds: unit.fields.principalIds,
    ...(unit.fields.staffGroupId !== undefined ? { staffGroupId: unit.fields.staffGroupId } : {}),
    ...(isArchived(unit.fields) ? { archived: true } : {}),
  };
}

/** Which units a list shows: the units in use (the chooser's), or the archived ones too. */
export type UnitsShown = 'active' | 'withArchived';

/**
 * Who may see and do what in which unit: loads units (cached briefly) and asks the policy.
 * A unit the caller may not see is NotVisibleError, exactly like a missing one.
 */
export class UnitAccess {
  private cached: { at: number; units: Promise<StoredItem<Unit>[]> } | undefined;
  private readonly cacheMilliseconds: number;
  private readonly now: () => number;

  constructor(private readonly store: Store<Entities>, options: UnitAccessOptions = {}) {
    this.cacheMilliseconds = options.cacheMilliseconds ?? 5_000;
    this.now = options.now ?? Date.now;
  }

  /** Every unit (the list is small: one municipality's units). */
  allUnits(): Promise<StoredItem<Unit>[]> {
    const at = this.now();
    if (this.cached && at - this.cached.at < this.cacheMilliseconds) return this.cached.units;
    const units = this.store.queryAll('units');
    this.cached = { at, units };
    units.catch(() => {
      if (this.cached?.units === units) this.cached = undefined;
    });
    return units;
  }

  /** Call after writing a unit, so membership and channel bindings are read again. */
  forget(): void {
    this.cached = undefined;
  }

  async callerFor(principal: Principal): Promise<Caller> {
    // leading an archived unit is no longer leading a unit (nor reason to read other units' work)
    const units = (await this.allUnits()).filter((unit) => !isArchived(unit.fields));
    const enriched = withPrincipalUnits(principal, units.map(membershipOf));
    return { ...enriched, principalOfUnitIds: enriched.principalOfUnitIds ?? [] };
  }

  /** The units the caller may see: those in use, or the archived ones too. */
  async visibleUnits(caller: Caller, shown: UnitsShown = 'active'): Promise<StoredItem<Unit>[]> {
    const units = await this.allUnits();
    return units.filter((unit) => (shown === 'withArchived' || !isArchived(unit.fields)) && canSeeUnit(caller, membershipOf(unit)));
  }

  /** Whether the unit exists and the caller may see it. */
  async isVisible(caller: Caller, unitId: string): Promise<boolean> {
    const unit = (await this.allUnits()).find((candidate) => candidate.id === unitId);
    return unit !== undefined && canSeeUnit(caller, membershipOf(unit));
  }

  /** The unit, if the caller may see it; NotVisibleError otherwise. */
  async visibleUnit(caller: Caller, unitId: string): Promise<StoredItem<Unit>> {
    const unit = (await this.allUnits()).find((candidate) => candidate.id === unitId);
    if (!unit || !canSeeUnit(caller, membershipOf(unit))) throw new NotVisibleError(`unit ${unitId}`);
    return unit;
  }

  /** Whether the caller may do `permission` in the unit (false also when they cannot see it). */
  async allows(caller: Caller, permission: Permission, unitId: string, resource: Omit<PolicyResource, 'unit'> = {}): Promise<boolean> {
    const units = await this.allUnits();
    const unit = units.find((candidate) => candidate.id === unitId);
    if (!unit) return false;
    return authorize(caller, permission, { ...resource, unit: membershipOf(unit) }).allowed;
  }

  /**
   * Requires `permission` in the unit: NotVisibleError when the caller cannot see the unit (or,
   * for reads, the thing), ForbiddenError when they see it but may not do this.
   */
  async require(caller: Caller, permission: Permission, unitId: string, resource: Omit<PolicyResource, 'unit'> = {}): Promise<StoredItem<Unit>> {
    const unit = await this.visibleUnit(caller, unitId);
    const decision = authorize(caller, permission, { ...resource, unit: membershipOf(unit) });
    if (decision.allowed) return unit;
    // A read that is refused hides the thing (a draft of another unit is "not found").
    if (permission === 'unit.read' || permission === 'unit.readDraft') throw new NotVisibleError('item');
    throw new ForbiddenError(decision.reason);
  }

  /** Requires a permission that is not about a unit (organizer.read, organizer.edit, ...). */
  requireGlobal(caller: Caller, permission: Permission): void {
    const decision = authorize(caller, permission);
    if (!decision.allowed) throw new ForbiddenError(decision.reason);
  }
}
