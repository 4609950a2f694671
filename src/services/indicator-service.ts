import type { Indicator } from '../domain';
import type { Entities } from '../lists/lists';
import type { Page, Store, StoredItem } from '../store/port';
import type { Caller } from './caller';
import { actorOf } from './caller';
import { createOptions, pageQuery, type PageRequest } from './paging';
import type { UnitAccess } from './unit-access';

/** Indicators are the organizer's: everyone signed in reads them, the administration writes them. */
export class IndicatorService {
  constructor(private readonly store: Store<Entities>, private readonly access: UnitAccess) {}

  list(_caller: Caller, page: PageRequest = {}): Promise<Page<Indicator>> {
    return this.store.query('indicators', pageQuery({}, page));
  }

  create(caller: Caller, input: Indicator, clientKey?: string): Promise<StoredItem<Indicator>> {
    this.access.requireGlobal(caller, 'organizer.edit');
    return this.store.create('indicators', input, createOptions(actorOf(caller), clientKey));
  }

  update(caller: Caller, id: string, patch: Partial<Indicator>, etag: string): Promise<StoredItem<Indicator>> {
    this.access.requireGlobal(caller, 'organizer.edit');
    return this.store.update('indicators', id, patch, { ...actorOf(caller), etag });
  }
}
