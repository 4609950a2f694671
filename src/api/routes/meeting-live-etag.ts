/**
 * The strong ETag of `GET /api/meetings/:id/live`: a hash over exactly what is sent, so an
 * unchanged state answers 304 and any change (an action edited, a note, an answer) gives a new tag.
 */
import { createHash } from 'node:crypto';
import type { LiveBody } from '../presenters/meeting-live';

/** A strong entity tag over the body. */
export function liveEtag(body: LiveBody): string {
  return `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
}

/** Strips the quotes (and a weak prefix) of an entity tag. */
export function unquote(tag: string): string {
  return tag.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}

/** RFC 9110 If-None-Match for a GET: `*` or any listed tag (weak comparison) matches. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const wanted = unquote(etag);
  return header.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || unquote(tag) === wanted;
  });
}
