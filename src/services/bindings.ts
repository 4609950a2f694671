/**
 * A Teams channel, a Teams meeting and a chat belong to at most one record: the channel to one
 * unit, the Teams meeting and the chat to one meeting. Otherwise a channel opens the wrong unit
 * for everyone in it, and the bot sends one school's cards for another school's meeting.
 *
 * Every write that sets a binding goes through `Bindings.write`: the lists' unique columns decide
 * (so of two claims at once exactly one wins), and a second claim is BindingTakenError naming the
 * holder. Only the administration moves a binding, and only when it asks to (`move`): the holder
 * is freed first, both writes recorded as the administration's.
 */
import type { Meeting, Unit } from '../domain';
import type { Entities } from '../lists/lists';
import { DuplicateError } from '../store/errors';
import type { Store, StoredItem } from '../store/port';
import type { Caller } from './caller';
import { actorOf } from './caller';
import { ServiceError } from './errors';
import { mayReadMeeting } from './meeting-readers';
import type { UnitAccess } from './unit-access';

/** The Teams things a record is bound by: a unit's channel, a meeting's Teams meeting and its chat. */
export type BindingField = 'channelId' | 'teamsMeetingId' | 'chatId';

export type BindingClaim =
  | { readonly list: 'units'; readonly field: 'channelId'; readonly value: string }
  | { readonly list: 'meetings'; readonly field: 'teamsMeetingId' | 'chatId'; readonly value: string };

/** The record claiming: its list, and its id unless it is being created. */
export interface BindingOwner {
  readonly list: 'units' | 'meetings';
  readonly id?: string;
}

/** Who holds a binding, as the caller may be told: the unit always, a meeting's title only to whoever may read it. */
export interface BindingHolder {
  /** the unit holding it, or the meeting's unit; absent for an organizer meeting */
  readonly unitId?: string;
  readonly unitName?: string;
  readonly meetingId?: string;
  readonly meetingTitle?: string;
}

/** The binding is another record's. */
export class BindingTakenError extends ServiceError {
  override readonly name = 'BindingTakenError';
  constructor(readonly field: BindingField, readonly holder: BindingHolder) {
    super(`${field} is bound to another record`);
  }
}

type Held = { readonly list: 'units'; readonly item: StoredItem<Unit> } | { readonly list: 'meetings'; readonly item: StoredItem<Meeting> };

/** The bindings a meeting's fields claim (those it sets). */
export function meetingClaims(fields: Partial<Pick<Meeting, 'teamsMeetingId' | 'chatId'>>): BindingClaim[] {
  return [
    ...(fields.teamsMeetingId !== undefined ? [{ list: 'meetings' as const, field: 'teamsMeetingId' as const, value: fields.teamsMeetingId }] : []),
    ...(fields.chatId !== undefined ? [{ list: 'meetings' as const, field: 'chatId' as const, value: fields.chatId }] : []),
  ];
}

export class Bindings {
  constructor(private readonly store: Store<Entities>, private readonly access: UnitAccess) {}

  /**
   * Runs `write`, which sets the `claims` of `owner`. A claim another record holds is
   * BindingTakenError naming it, whether found first or raced (the unique column refuses the
   * write); with `move` the administration frees it there first.
   */
  async write<T>(caller: Caller, owner: BindingOwner, claims: readonly BindingClaim[], move: boolean, write: () => Promise<T>): Promise<T> {
    if (move) this.access.requireGlobal(caller, 'organizer.edit');
    for (const claim of claims) {
      // a create cannot tell its own replay from another record before it writes: the unique column decides
      if (owner.id === undefined && !move) continue;
      for (const held of await this.holders(claim, owner)) {
        if (!move) throw await this.taken(caller, claim, held);
        await this.free(caller, claim, held);
      }
    }
    try {
      return await write();
    } catch (error) {
      const claim = error instanceof DuplicateError ? claims.find((candidate) => candidate.field === error.field) : undefined;
      const held = claim ? (await this.holders(claim, owner))[0] : undefined;
      if (claim && held) throw await this.taken(caller, claim, held);
      throw error;
    }
  }

  /** The other records holding the claim's value (SharePoint compares text without case). */
  private async holders(claim: BindingClaim, owner: BindingOwner): Promise<Held[]> {
    const query = { filter: [{ field: claim.field, op: 'eq' as const, value: claim.value }], top: 5 };
    const same = (value: string | undefined) => value?.toLowerCase() === claim.value.toLowerCase();
    if (claim.list === 'units') {
      const page = await this.store.query('units', query);
      return page.items.filter((item) => item.id !== owner.id && same(item.fields.channelId)).map((item) => ({ list: 'units', item }));
    }
    const field = claim.field;
    const page = await this.store.query('meetings', query);
    return page.items.filter((item) => item.id !== owner.id && same(item.fields[field])).map((item) => ({ list: 'meetings', item }));
  }

  private async taken(caller: Caller, claim: BindingClaim, held: Held): Promise<BindingTakenError> {
    const units = await this.access.allUnits();
    const unitId = held.list === 'units' ? held.item.id : held.item.fields.unitId;
    const unit = units.find((candidate) => candidate.id === unitId);
    const unitPart = unit ? { unitId: unit.id, unitName: unit.fields.name } : {};
    if (held.list === 'units') return new BindingTakenError(claim.field, unitPart);
    const readable = await mayReadMeeting(this.access, caller, held.item);
    return new BindingTakenError(claim.field, { ...unitPart, ...(readable ? { meetingId: held.item.id, meetingTitle: held.item.fields.title } : {}) });
  }

  /** Frees the claim on its holder: the administration's move, recorded as its write. */
  private async free(caller: Caller, claim: BindingClaim, held: Held): Promise<void> {
    const options = { ...actorOf(caller), etag: held.item.etag };
    if (held.list === 'units') {
      await this.store.update('units', held.item.id, { teamId: undefined, channelId: undefined }, options);
      this.access.forget();
    } else {
      await this.store.update('meetings', held.item.id, claim.field === 'chatId' ? { chatId: undefined } : { teamsMeetingId: undefined }, options);
    }
  }
}
