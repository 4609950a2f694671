/** An `application/problem+json` answer from the API, thrown by the client. */
export class ProblemError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  /** The request field the problem is about, for highlighting. */
  readonly field: string | undefined;
  /** That field as the form names it (the API's label, in the request's language). */
  readonly fieldLabel: string | undefined;
  /** On a 409: the item as it is now. */
  readonly current: unknown;

  constructor(problem: { status: number; code?: string; title?: string; detail?: string; field?: string; fieldLabel?: string; current?: unknown }) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ProblemError';
    this.status = problem.status;
    this.code = problem.code ?? 'unknown';
    this.title = problem.title ?? '';
    this.detail = problem.detail ?? problem.title ?? `HTTP ${problem.status}`;
    this.field = problem.field;
    this.fieldLabel = problem.fieldLabel;
    this.current = problem.current;
  }

  /**
   * The detail to show beside the field it is about: the API writes "<the field's label>: message"
   * so that it reads on its own, and a person beside the labelled field needs only the message.
   */
  get fieldMessage(): string {
    const prefix = this.fieldLabel ? `${this.fieldLabel}: ` : '';
    return prefix && this.detail.startsWith(prefix) ? this.detail.slice(prefix.length) : this.detail;
  }

  /** True for an eTag conflict that carries the current version. */
  get isConflict(): boolean {
    return this.status === 409;
  }
}

/**
 * Reads a failed response as a ProblemError: problem+json when it is, the status alone when not.
 * `currentOf` picks what the view gets as `current` (a 409's item; an import's rows in error).
 */
export async function problemFrom(response: Response, currentOf: (body: Record<string, unknown>) => unknown = (body) => body.current): Promise<ProblemError> {
  const text = await response.text().catch(() => '');
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = text ? JSON.parse(text) : {};
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  } catch {
    // Not JSON (a proxy's HTML page, say): keep the status alone.
  }
  const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return new ProblemError({
    status: response.status,
    code: str(body.code),
    title: str(body.title) ?? response.statusText,
    detail: str(body.detail),
    field: str(body.field),
    fieldLabel: str(body.fieldLabel),
    current: currentOf(body),
  });
}

/** The API's answer for a channel or a meeting linked to a unit the person may not see (it never names the unit). */
export function isNoAccessToUnit(error: unknown): boolean {
  return error instanceof ProblemError && error.code === 'noAccessToUnit';
}
