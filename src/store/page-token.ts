import { StoreError } from './errors';

/**
 * A page token wraps Graph's nextLink, the list it belongs to, and whether the query needed the
 * non-indexed Prefer header. It is opaque to callers, and checked so a token of one list cannot
 * read another.
 */
interface PageTokenContent {
  readonly list: string;
  readonly next: string;
  readonly nonIndexed: boolean;
}

export function encodePageToken(content: PageTokenContent): string {
  return Buffer.from(JSON.stringify(content), 'utf8').toString('base64url');
}

export function decodePageToken(token: string, list: string): PageTokenContent {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<PageTokenContent>;
    if (typeof parsed.next === 'string' && parsed.list === list) return { list, next: parsed.next, nonIndexed: parsed.nonIndexed === true };
  } catch {
    // not ours: fall through
  }
  throw new StoreError(`invalid page token for ${list}`);
}
