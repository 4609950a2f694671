import type { Response } from 'express';
import type { Page, StoredItem } from '../store/port';
import { represent, representPage } from './represent';

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

export function sendJson(res: Response, body: unknown): void {
  res.setHeader('Cache-Control', 'no-store');
  res.json(body);
}
