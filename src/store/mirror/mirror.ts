/**
 * The read model over a change feed: rounds of change reads (one round trip each, more only while
 * a list has more pages), one round at a time, and the views computed from what they brought.
 */
import { invariant } from '../../domain/invariant';
import type { ChangeFeed, ChangesRead } from '../changes';
import { systemClock, type Clock } from '../clock';
import { StoreError, SyncingError, UnavailableError } from '../errors';
import type { StoredItem } from '../port';
import type { ReadModel, ReadView } from '../read-model';
import { ListMirror } from './list-mirror';
import { StringPool } from './string-pool';

export interface MirrorOptions<M> {
  /** the lists to mirror: those views read */
  readonly lists: readonly (keyof M & string)[];
  /** what a 503 before the first enumeration asks the caller to wait, in seconds. Default 2 */
  readonly retryAfterSeconds?: number;
  /** the first enumeration is retried after a failure: from this delay, doubling, up to the next. Default 250 ms and 5 s */
  readonly retryDelayMs?: { readonly first: number; readonly most: number };
  readonly clock?: Clock;
  readonly log?: (message: string, fields: Readonly<Record<string, string | number | boolean | undefined>>) => void;
}

/** How far the mirror is: for /healthz. */
export interface MirrorStatus {
  /** every list enumerated once: views may read */
  readonly synced: boolean;
  readonly lists: number;
  /** lists whose first enumeration is complete */
  readonly enumerated: number;
  readonly items: number;
}

/** Bounds: round trips in one round (a list of 5,000,000 items at 1,000 a page), and 410s for one list in one round. */
const maxPasses = 5_000;
const maxExpiries = 3;

interface Round<K> {
  readonly lists: Set<K>;
  readonly promise: Promise<void>;
}

export class Mirror<M> implements ReadModel<M> {
  private readonly mirrors = new Map<string, ListMirror<unknown>>();
  private readonly clock: Clock;
  private synced = false;
  private closed = false;
  private starting: Promise<void> | undefined;
  /** the round in flight */
  private current: Promise<void> | undefined;
  /** the round that starts when the one in flight ends, with every list its waiters read */
  private queued: Round<keyof M & string> | undefined;

  constructor(private readonly feed: ChangeFeed<M>, private readonly options: MirrorOptions<M>) {
    const strings = new StringPool();
    for (const list of options.lists) this.mirrors.set(list, new ListMirror(strings));
    this.clock = options.clock ?? systemClock;
  }

  /** Enumerates every list (retrying after failures until it succeeds or the mirror closes); resolves once views may read. */
  start(): Promise<void> {
    this.starting ??= this.firstEnumeration();
    return this.starting;
  }

  close(): void {
    this.closed = true;
  }

  status(): MirrorStatus {
    const lists = [...this.mirrors.values()];
    return {
      synced: this.synced,
      lists: lists.length,
      enumerated: lists.filter((list) => list.token !== undefined).length,
      items: lists.reduce((sum, list) => sum + list.size, 0),
    };
  }

  async read<const L extends keyof M & string>(lists: readonly L[]): Promise<ReadView<Pick<M, L>>> {
    if (!this.synced) throw new SyncingError(this.options.retryAfterSeconds ?? 2);
    await this.refresh(lists);
    return this.view(new Set<string>(lists));
  }

  /** An item a write answered with (or a conflict showed): the mirror holds it at once. */
  wrote(list: string, item: StoredItem<unknown>): void {
    this.mirrors.get(list)?.wrote(item);
  }

  /** An item this instance deleted. */
  deleted(list: string, id: string): void {
    this.mirrors.get(list)?.deleted(id);
  }

  /**
   * Brings the lists up to date. A round in flight started before this call, so it may miss a
   * write the caller just made (here or on another instance): wait for the next round instead,
   * which everyone arriving meanwhile shares.
   */
  private refresh(lists: readonly (keyof M & string)[]): Promise<void> {
    if (this.queued) {
      for (const list of lists) this.queued.lists.add(list);
      return this.queued.promise;
    }
    if (!this.current) return this.startRound(new Set(lists));
    const waiting = new Set(lists);
    const promise = this.current.then(() => undefined, () => undefined).then(() => {
      this.queued = undefined;
      return this.startRound(waiting);
    });
    this.queued = { lists: waiting, promise };
    return promise;
  }

  private startRound(lists: ReadonlySet<keyof M & string>): Promise<void> {
    const round: Promise<void> = this.round([...lists]).finally(() => {
      if (this.current === round) this.current = undefined;
    });
    this.current = round;
    return round;
  }

  /** Reads each list's changes page by page until every one is complete: one round trip a page, every list's page in it. */
  private async round(lists: readonly (keyof M & string)[]): Promise<void> {
    let reads: ChangesRead<keyof M & string>[] = lists.map((list) => this.firstRead(list));
    const expiries = new Map<string, number>();
    for (let pass = 0; reads.length > 0; pass++) {
      if (pass >= maxPasses) throw new StoreError(`the mirror still reads changes after ${maxPasses} round trips`);
      const pages = await this.feed.changes(reads);
      const next: ChangesRead<keyof M & string>[] = [];
      reads.forEach((read, index) => {
        const page = pages[index];
        invariant(page, `the change feed gave no answer for ${read.list}`);
        const mirror = this.mirrorOf(read.list);
        if (page.kind === 'expired') {
          const times = (expiries.get(read.list) ?? 0) + 1;
          expiries.set(read.list, times);
          if (times > maxExpiries) throw new UnavailableError(`${read.list}: the change feed keeps answering that its token expired`);
          this.options.log?.('mirror: enumerating a list again', { list: read.list });
          mirror.beginEnumeration();
          next.push(page.token === undefined ? { list: read.list } : { list: read.list, token: page.token });
          return;
        }
        mirror.apply(page);
        if (page.kind === 'more') next.push({ list: read.list, token: page.token });
        else mirror.complete(page.token);
      });
      reads = next;
    }
  }

  private firstRead(list: keyof M & string): ChangesRead<keyof M & string> {
    const mirror = this.mirrorOf(list);
    if (mirror.token !== undefined) return { list, token: mirror.token };
    mirror.beginEnumeration();
    return { list };
  }

  private async firstEnumeration(): Promise<void> {
    const delays = this.options.retryDelayMs ?? { first: 250, most: 5_000 };
    for (let attempt = 0; !this.closed; attempt++) {
      try {
        await this.refresh(this.options.lists);
        this.synced = true;
        return;
      } catch (error) {
        this.options.log?.('mirror: the first enumeration failed; trying again', { error: error instanceof Error ? error.message : String(error), attempt });
        await this.clock.sleep(Math.min(delays.most, delays.first * 2 ** attempt));
      }
    }
    throw new UnavailableError('the mirror closed before its first enumeration was complete');
  }

  private mirrorOf(list: string): ListMirror<unknown> {
    const mirror = this.mirrors.get(list);
    invariant(mirror, `the list ${list} is not mirrored`);
    return mirror;
  }

  /** What a view reads: only the lists its round brought up to date. */
  private view<V>(lists: ReadonlySet<string>): ReadView<V> {
    const of = (list: string): ListMirror<unknown> => {
      invariant(lists.has(list), `a view read ${list}, which its round did not bring up to date`);
      return this.mirrorOf(list);
    };
    // each list's mirror holds the items its change feed gave for that list: the list's entity
    return {
      all: (list) => of(list).all() as readonly StoredItem<V[typeof list]>[],
      get: (list, id) => of(list).get(id) as StoredItem<V[typeof list]> | undefined,
      where: (list, field, value) => of(list).where(field, value) as readonly StoredItem<V[typeof list]>[],
      version: (list) => of(list).version,
      changedSince: (list, version) => of(list).changedSince(version) as ReadonlyMap<string, StoredItem<V[typeof list]> | undefined> | undefined,
    };
  }
}
