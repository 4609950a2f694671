/**
 * Every verb a card may send, each with the permission the API's route for the same change
 * declares, in one table like the API's `routes.add(method, path, permission, handler)`. A verb
 * is handled only through its guard: the caller as the policy sees them (the directory standing
 * in for a token, src/services/directory-callers.ts), asked for the declared permission in the
 * unit the card is about, before the same service call the API makes checks again.
 * bot/flows/card-verbs.spec.ts walks the table and every card the bot builds.
 */
import type { Permission, PolicyResource } from '../../src/auth/policy';
import type { Language } from '../../src/domain';
import type { Caller } from '../../src/services';
import type { FlowContext } from './context';
import type { CardActionResult } from './turn';

/** Who pressed the button, as the activity names them. */
export interface CardUser {
  /** Entra object id (aadObjectId): whom the policy asks about */
  readonly userId: string;
  /** the Teams user id ("29:..."), for the card's refresh */
  readonly mri: string;
  readonly tenantId?: string;
  readonly name?: string;
}

export interface CardRequest {
  readonly verb: string;
  readonly lang: Language;
  readonly data: Readonly<Record<string, unknown>>;
  readonly user: CardUser;
}

/**
 * The caller, allowed the verb's permission in `unitId` (with `resource`, e.g. the action's
 * owner); NotVisibleError or ForbiddenError otherwise, as for the API. Without a unit (an
 * organizer's meeting) the service alone decides, as the API's routes without `:unitId` do.
 */
export type CardGuard = (unitId: string | undefined, resource?: Omit<PolicyResource, 'unit'>) => Promise<Caller>;

export type CardHandler = (ctx: FlowContext, request: CardRequest, guard: CardGuard) => Promise<CardActionResult>;

export interface CardVerb {
  readonly verb: string;
  readonly permission: Permission;
  readonly handler: CardHandler;
}

/** Registers verbs that each declare a permission; there is no other way to add one. */
export class CardVerbTable {
  private readonly verbs = new Map<string, CardVerb>();

  add(verb: string, permission: Permission, handler: CardHandler): this {
    this.verbs.set(verb, { verb, permission, handler });
    return this;
  }

  all(): CardVerb[] {
    return [...this.verbs.values()];
  }

  /** Runs the verb for the user, through its guard; undefined for a verb the table does not have. */
  run(ctx: FlowContext, request: CardRequest): Promise<CardActionResult> | undefined {
    const entry = this.verbs.get(request.verb);
    if (!entry) return undefined;
    const guard: CardGuard = async (unitId, resource = {}) => {
      const caller = await ctx.services.callers.callerFor(request.user, unitId);
      if (unitId !== undefined) await ctx.services.access.require(caller, entry.permission, unitId, resource);
      return caller;
    };
    return entry.handler(ctx, request, guard);
  }
}
