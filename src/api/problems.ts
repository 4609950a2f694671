/**
 * The catalogue of API errors: every error the API answers is one entry here, sent as
 * `application/problem+json` (RFC 9457) `{ type, title, status, code, detail, field?, current? }`.
 * Codes are stable (the tab switches on them); titles are user-facing Swedish.
 */
import type { Response } from 'express';
import type { BindingHolder, Problem } from '../contract';
import type { Language, Words } from '../domain';
import { fieldLabel } from './field-labels';

export const problemCatalogue = {
  invalidBody: { status: 400, title: 'Ogiltiga uppgifter' },
  invalidQuery: { status: 400, title: 'Ogiltig fråga' },
  malformedJson: { status: 400, title: 'Ogiltig JSON' },
  invalidPath: { status: 400, title: 'Ogiltig adress' },
  unauthenticated: { status: 401, title: 'Inloggning krävs' },
  forbidden: { status: 403, title: 'Behörighet saknas' },
  noAccessToUnit: { status: 403, title: 'Du har inte behörighet till enheten som det här är kopplat till' },
  notFound: { status: 404, title: 'Hittades inte' },
  methodNotAllowed: { status: 405, title: 'Metoden stöds inte' },
  conflict: { status: 409, title: 'Någon annan har ändrat uppgiften' },
  duplicate: { status: 409, title: 'Finns redan' },
  bindingTaken: { status: 409, title: 'Redan kopplad till något annat' },
  payloadTooLarge: { status: 413, title: 'För mycket data' },
  unsupportedMediaType: { status: 415, title: 'Fel innehållstyp' },
  personalIdentityNumber: { status: 400, title: 'Personnummer får inte skrivas in' },
  deficiencyWithoutAction: { status: 422, title: 'En brist kan inte stängas utan åtgärd' },
  deficiencyNotEvaluated: { status: 422, title: 'Ingen av bristens åtgärder är genomförd och utvärderad' },
  deadlineBeforeFound: { status: 422, title: 'Sista dagen ligger före upptäckten' },
  invalidCaseNumber: { status: 400, title: 'Ogiltigt diarienummer' },
  startAfterDue: { status: 400, title: 'Startdatumet ligger efter slutdatumet' },
  evaluationRequired: { status: 400, title: 'Utvärderingen saknas' },
  originNotFound: { status: 422, title: 'Det som åtgärden utgår från finns inte' },
  originOtherUnit: { status: 422, title: 'Åtgärden och det den utgår från hör till olika enheter' },
  parentGoalNotFound: { status: 422, title: 'Målet som det står under finns inte' },
  parentGoalRequired: { status: 422, title: 'Enhetens mål står under ett nämndmål eller fokusområde' },
  parentGoalOtherYear: { status: 422, title: 'Målen hör till olika läsår' },
  goalInUse: { status: 422, title: 'Målet har mål eller åtgärder under sig' },
  goalNotFound: { status: 422, title: 'Målet finns inte i enheten' },
  indicatorNotFound: { status: 422, title: 'Indikatorn finns inte' },
  indicatorArchived: { status: 422, title: 'Indikatorn är arkiverad' },
  indicatorNotForUnit: { status: 422, title: 'Indikatorn gäller inte enhetens skolform' },
  groupNotOfIndicator: { status: 422, title: 'Indikatorn delas inte upp i den gruppen' },
  analysisNotFound: { status: 422, title: 'Analysen finns inte i enheten' },
  analysisExists: { status: 409, title: 'Enheten har redan en analys för perioden' },
  analysisNotDraft: { status: 422, title: 'Analysen är redan inlämnad' },
  analysisNotSubmitted: { status: 422, title: 'Analysen är inte inlämnad' },
  unknownQuestion: { status: 422, title: 'Frågan finns inte i mallen' },
  idempotencyKeyReused: { status: 422, title: 'Idempotency-Key används redan för en annan begäran' },
  ruleViolation: { status: 422, title: 'Ändringen bryter mot en regel' },
  preconditionRequired: { status: 428, title: 'If-Match saknas' },
  internal: { status: 500, title: 'Något gick fel' },
  notImplemented: { status: 501, title: 'Finns inte ännu' },
  schoolUnitCodeTaken: { status: 409, title: 'Skolenhetskoden finns redan' },
  unitImportRefused: { status: 422, title: 'Enheterna kan inte importeras så här' },
  registerNotConfigured: { status: 501, title: 'Skolenhetsregistret nås inte härifrån' },
  unavailable: { status: 503, title: 'Tjänsten är inte tillgänglig just nu' },
  syncing: { status: 503, title: 'Uppgifterna läses in, försök igen om en stund' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof problemCatalogue;

export interface ProblemOptions {
  readonly detail?: string;
  /** the failing field, as a dotted path into the body or query */
  readonly field?: string;
  /** what is wrong with `field`, in each language: the detail is then "<the field's label>: <reason>" */
  readonly reason?: Words;
  /** for `conflict`: the item as it is now */
  readonly current?: unknown;
  /** seconds, for `unavailable` and `syncing` */
  readonly retryAfterSeconds?: number;
  /** for `bindingTaken`: who holds it */
  readonly holder?: BindingHolder;
}

/** The JSON body of a problem response: the contract's `Problem`, with a code from this catalogue. */
export type ProblemBody = Problem & { readonly code: ProblemCode };

/** Whom a problem is written for: the request's language, and the resources its route speaks of (for field labels). */
export interface Wording {
  readonly language?: Language;
  readonly resources?: readonly string[];
}

/** An error that the error middleware answers as this problem; throw it from handlers and services. */
export class ApiProblem extends Error {
  override readonly name = 'ApiProblem';
  readonly status: number;
  constructor(readonly code: ProblemCode, readonly options: ProblemOptions = {}) {
    super(options.detail ?? problemCatalogue[code].title);
    this.status = problemCatalogue[code].status;
  }

  /** The body, its field named by its label in the wording's language (Swedish unless told). */
  toBody(wording: Wording = {}): ProblemBody {
    const entry = problemCatalogue[this.code];
    const { field, reason } = this.options;
    const language = wording.language ?? 'sv';
    const label = field !== undefined ? fieldLabel(field, wording.resources ?? [], language) : undefined;
    return {
      type: `urn:kvalitetshjulet:problem:${this.code}`,
      title: entry.title,
      status: entry.status,
      code: this.code,
      detail: label !== undefined && reason !== undefined ? `${label}: ${reason[language]}` : (this.options.detail ?? entry.title),
      ...(field !== undefined ? { field } : {}),
      ...(label !== undefined ? { fieldLabel: label } : {}),
      ...(this.options.current !== undefined ? { current: this.options.current } : {}),
      ...(this.options.holder !== undefined ? { holder: this.options.holder } : {}),
    };
  }
}

export function isProblemCode(value: string): value is ProblemCode {
  return Object.hasOwn(problemCatalogue, value);
}

/** Shorthand: `throw problem('notFound')`. */
export function problem(code: ProblemCode, options: ProblemOptions = {}): ApiProblem {
  return new ApiProblem(code, options);
}

/** The catalogue's problem for a bare HTTP status from code that is not ours (express, botbuilder): never its text. */
export function problemForStatus(status: number, options: ProblemOptions = {}): ApiProblem {
  const byStatus: Readonly<Record<number, ProblemCode>> = {
    400: 'invalidBody', 401: 'unauthenticated', 403: 'forbidden', 404: 'notFound', 405: 'methodNotAllowed',
    409: 'conflict', 413: 'payloadTooLarge', 415: 'unsupportedMediaType', 429: 'unavailable', 502: 'unavailable', 503: 'unavailable', 504: 'unavailable',
  };
  return problem(byStatus[status] ?? (status < 500 ? 'invalidBody' : 'internal'), options);
}

export const problemContentType = 'application/problem+json';

/** Writes a problem response (never cached). */
export function sendProblem(res: Response, error: ApiProblem, wording: Wording = {}): void {
  if (error.options.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(error.options.retryAfterSeconds));
  res.status(error.status);
  res.setHeader('Content-Type', `${problemContentType}; charset=utf-8`);
  res.setHeader('Cache-Control', 'no-store');
  if (wording.language !== undefined) res.setHeader('Content-Language', wording.language);
  res.send(JSON.stringify(error.toBody(wording)));
}
