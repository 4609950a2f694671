import { gzip } from 'node:zlib';
import type { Response } from 'express';
import type { Answer, Route } from '../contract';
import type { Page, StoredItem } from '../store/port';
import { represent, representPage } from './presenters/item';

/** 200 with the item; its etag also as the ETag header. */
export function sendItem<T>(res: Response, item: StoredItem<T>, status = 200): void {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('ETag', item.etag);
  res.status(status).json(represent(item));
}

/** 201 with the item and its Location. */
export function sendCreated<T>(res: Response, item: StoredItem<T>, location: string): void {
  res.setHeader('Location', location);
  sendItem(res, item, 201);
}

export function sendPage<T>(res: Response, page: Page<T>): void {
  res.setHeader('Cache-Control', 'no-store');
  res.json(representPage(page));
}

/** A whole (short) list as a page without a next token. */
export function sendAll<T>(res: Response, items: readonly StoredItem<T>[]): void {
  sendPage(res, { items });
}

export interface SendOptions {
  readonly status?: number;
  /** default `no-store`; the live state is `no-cache` (revalidated by its ETag) */
  readonly cacheControl?: 'no-store' | 'no-cache';
}

/**
 * A contract answer that is not an item or a page. The type is named at the call, from a presenter's
 * result: `sendJson<Overview>(res, presentOverview(overview))`; without it the body is `never` and
 * nothing compiles, so no body goes out unchecked.
 */
export function sendJson<T extends Answer<Route> = never>(res: Response, body: NoInfer<T>, options: SendOptions = {}): void {
  res.setHeader('Cache-Control', options.cacheControl ?? 'no-store');
  res.status(options.status ?? 200);
  const text = JSON.stringify(body);
  if (text.length >= compressAbove) res.vary('Accept-Encoding');
  if (text.length < compressAbove || !res.req.acceptsEncodings('gzip')) {
    res.type('application/json').send(text);
    return;
  }
  // in the thread pool, so a large answer does not hold the event loop while it is packed
  gzip(text, { level: 4 }, (error, packed) => {
    if (error) {
      res.type('application/json').send(text);
      return;
    }
    res.setHeader('Content-Encoding', 'gzip');
    res.type('application/json').send(packed);
  });
}

/**
 * Answers at least this long go gzipped to a caller that accepts it: the roll-up of 600 units is
 * about 2 MB of JSON and a sixteenth of it packed, which a Teams client on an ordinary connection
 * fetches in a fraction of the time; a small answer is sent as it is (packing would cost more
 * than it saves).
 */
const compressAbove = 16 * 1024;
