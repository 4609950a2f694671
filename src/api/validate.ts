/**
 * zod at the edge: bodies and queries are parsed here, and the first issue becomes a 400
 * problem naming the failing field (by its label, in the request's language, when it is sent).
 * A personnummer in free text has its own code.
 */
import type { z } from 'zod';
import { isPersonalIdentityIssue } from '../domain';
import { issueWords } from './issue-words';
import type { ApiProblem } from './problems';
import { problem, type ProblemCode } from './problems';

/** The dotted path of the first zod issue (for unknown keys: the first unknown key). */
export function failingField(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return '';
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) path.push(issue.keys[0]);
  return path.join('.');
}

/**
 * The problem for a zod error: `code` for ordinary issues, personalIdentityNumber for a personnummer.
 * It names the field, and what is wrong with it in words (the detail names the field by its label).
 */
export function zodProblem(error: z.ZodError, code: ProblemCode = 'invalidBody'): ApiProblem {
  const issue = error.issues.find(isPersonalIdentityIssue) ?? error.issues[0];
  const field = issue === error.issues[0] ? failingField(error) : (issue?.path.map(String).join('.') ?? '');
  const personal = issue !== undefined && isPersonalIdentityIssue(issue);
  const reason = issue ? issueWords(issue) : undefined;
  return problem(personal ? 'personalIdentityNumber' : code, {
    ...(field ? { field } : {}),
    ...(reason ? { reason, detail: reason.sv } : {}),
  });
}

function parseWith<S extends z.ZodType>(schema: S, value: unknown, code: ProblemCode): z.output<S> {
  // the input in each issue tells a missing field ("måste fyllas i") from one of the wrong form
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  throw zodProblem(result.error, code);
}

/** Parses a request body; a missing body is validated as `{}` so required fields are named. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  return parseWith(schema, body ?? {}, 'invalidBody');
}

export function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.output<S> {
  return parseWith(schema, query ?? {}, 'invalidQuery');
}

/** A strict object of the given fields of an entity's shape (works on refined schemas too). */
export function pickShape<Shape extends z.core.$ZodShape, K extends keyof Shape & string>(shape: Shape, keys: readonly K[]): Pick<Shape, K> {
  const out: Partial<Pick<Shape, K>> = {};
  for (const key of keys) out[key] = shape[key];
  return out as Pick<Shape, K>;
}
