import type { Request } from 'express';
import { z } from 'zod';
import { schoolYear } from '../domain';
import { parseQuery } from './validate';

/** `?top=&pageToken=` of every list. */
export const PageQuerySchema = z.object({
  top: z.coerce.number().int().min(1).max(500).optional(),
  pageToken: z.string().min(1).max(4_000).optional(),
});

export const SchoolYearQuerySchema = PageQuerySchema.extend({ schoolYear: schoolYear.optional() });

/** Keeps only defined values (the services' options are exact). */
export function compact<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

/**
 * A patch's nulls as cleared fields: `{ target: null }` becomes `{ target: undefined }`, which the
 * store sends as a cleared column. For the optional fields a PATCH may remove.
 */
export function clearedNulls<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, v === null ? undefined : v])) as { [K in keyof T]: Exclude<T[K], null> };
}

const MoveQuerySchema = z.object({ move: z.enum(['true', 'false']).optional() });

/**
 * `?move=true`: the administration moves a Teams channel, meeting or chat that another record
 * holds to this one (see src/services/bindings.ts); without it a held binding is a 409.
 */
export function moveOf(req: Request): boolean {
  return parseQuery(MoveQuerySchema, req.query).move === 'true';
}
