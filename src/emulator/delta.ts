import { invalidRequest, resyncRequired } from './errors';
import type { ListStore } from './list-store';
import type { ItemState } from './model';
import { defaultPageSize, maxPageSize } from './query';

interface DeltaToken {
  /** the list the token belongs to */
  readonly l: string;
  /** the list's delta epoch when the token was made: a token of an older epoch has expired */
  readonly e: number;
  /** changes after this sequence number... */
  readonly s: number;
  /** ...up to and including this one; -1 in a deltaLink: up to whatever is current when it is followed */
  readonly u: number;
  /** paging within one round: the last id returned */
  readonly a: number;
}

export type DeltaEntry = { readonly item: ItemState } | { readonly deletedId: number };

export interface DeltaPage {
  readonly entries: readonly DeltaEntry[];
  readonly nextToken?: string;
  readonly deltaToken?: string;
}

/**
 * One page of `items/delta`: without a token, every item; with a deltaLink's token, the items
 * changed and deleted since. Items carry the sequence number of their last change, so a round
 * lists each changed item once, in its latest state. A token made before the list's delta epoch
 * last moved (`expireDeltaTokens`, as SharePoint forgets old change logs) answers 410.
 */
export function deltaPage(list: ListStore, token: string | undefined, top: string | undefined, freshLink: string): DeltaPage {
  const size = top === undefined ? defaultPageSize : Number(top);
  if (!Number.isInteger(size) || size < 1) throw invalidRequest(`Invalid $top value '${String(top)}'.`);
  const current = list.meta.changeSeq;
  const epoch = list.deltaEpoch;
  if (token === 'latest') return { entries: [], deltaToken: encode({ l: list.meta.id, e: epoch, s: current, u: -1, a: 0 }) };
  const decoded = token === undefined ? { l: list.meta.id, e: epoch, s: 0, u: current, a: 0 } : decode(token, freshLink);
  const state = decoded.u === -1 ? { ...decoded, u: current } : decoded;
  if (state.l !== list.meta.id || state.e !== epoch || state.u > current || state.s > state.u) throw resyncRequired(freshLink);

  const entries: { id: number; entry: DeltaEntry }[] = [];
  for (const item of list.items.values()) {
    if (item.id > state.a && item.seq > state.s && item.seq <= state.u) entries.push({ id: item.id, entry: { item } });
  }
  if (state.s > 0) {
    for (const [id, seq] of list.tombstones) {
      if (id > state.a && seq > state.s && seq <= state.u) entries.push({ id, entry: { deletedId: id } });
    }
  }
  entries.sort((a, b) => a.id - b.id);
  const page = entries.slice(0, Math.min(size, maxPageSize));
  const last = page[page.length - 1];
  if (entries.length > page.length && last) {
    return { entries: page.map((entry) => entry.entry), nextToken: encode({ ...state, a: last.id }) };
  }
  return { entries: page.map((entry) => entry.entry), deltaToken: encode({ l: state.l, e: state.e, s: state.u, u: -1, a: 0 }) };
}

function encode(token: DeltaToken): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

function decode(text: string, freshLink: string): DeltaToken {
  try {
    const token = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<DeltaToken>;
    if (typeof token.l === 'string' && typeof token.e === 'number' && typeof token.s === 'number' && typeof token.u === 'number' && typeof token.a === 'number') {
      return token as DeltaToken;
    }
  } catch {
    // an unreadable token is as stale as an unknown one
  }
  throw resyncRequired(freshLink);
}
