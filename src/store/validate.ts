import { ZodObject, z, type ZodType, type core } from 'zod';
import { InvalidItemError } from './errors';

function fieldOf(issue: core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  if (path) return path;
  // unknown keys are reported on the object itself; name them instead
  if (issue.code === 'unrecognized_keys') return issue.keys.join(', ');
  return '(item)';
}

/** Parses with the list's schema; the first issue becomes an InvalidItemError naming its field. */
export function validateWith<T>(list: string, schema: ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new InvalidItemError(list, issue ? fieldOf(issue) : '(item)', issue?.message ?? 'invalid');
}

/** The partial schema of each list's schema, built once: building it costs more than the parse. */
const partials = new WeakMap<ZodType, ZodType>();

/**
 * Validates a patch: every field it sets must be valid on its own. The partial schema is built
 * from the shape, because zod refuses `.partial()` on an object with refinements (rules across
 * fields, such as a unit goal's unit); those rules are checked on the whole item.
 */
export function validatePatch<T>(list: string, schema: ZodType<T>, patch: unknown): Partial<T> {
  let partial = partials.get(schema);
  if (!partial) {
    partial = schema instanceof ZodObject ? z.strictObject(schema.shape).partial() : schema;
    partials.set(schema, partial);
  }
  return validateWith(list, partial as ZodType<Partial<T>>, patch);
}
