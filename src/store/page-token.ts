/** A page token wraps Graph's nextLink (and whether the query needed the non-indexed Prefer header). */
interface PageTokenContent {
  readonly next: string;
  readonly nonIndexed?: boolean;
}

export function encodePageToken(content: PageTokenContent): string {
  return Buffer.from(JSON.stringify(content), 'utf8').toString('base64url');
}

export function decodePageToken(token: string): PageTokenContent {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<PageTokenContent>;
    if (typeof parsed.next === 'string') return { next: parsed.next, nonIndexed: parsed.nonIndexed === true };
  } catch {
    // fall through
  }
  throw new Error('invalid page token');
}
