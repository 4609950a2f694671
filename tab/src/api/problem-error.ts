/** An `application/problem+json` answer from the API, thrown by the client. */
export class ProblemError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  /** The request field the problem is about, for highlighting. */
  readonly field: string | undefined;
  /** On a 409: the item as it is now. */
  readonly current: unknown;

  constructor(problem: { status: number; code?: string; title?: string; detail?: string; field?: string; current?: unknown }) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ProblemError';
    this.status = problem.status;
    this.code = problem.code ?? 'unknown';
    this.title = problem.title ?? '';
    this.detail = problem.detail ?? problem.title ?? `HTTP ${problem.status}`;
    this.field = problem.field;
    this.current = problem.current;
  }

  /** True for an eTag conflict that carries the current version. */
  get isConflict(): boolean {
    return this.status === 409;
  }
}
