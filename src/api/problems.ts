/**
 * The catalogue of API errors: every error the API answers is one entry here, sent as
 * `application/problem+json` (RFC 9457) `{ type, title, status, code, detail, field?, current? }`.
 * Codes are stable (the tab switches on them); titles are user-facing, in Swedish and English.
 */
import type { Response } from 'express';
import type { BindingHolder, Problem } from '../contract';
import type { Language, Words } from '../domain';
import { fieldLabel } from './field-labels';

export const problemCatalogue = {
  invalidBody: { status: 400, title: { sv: 'Ogiltiga uppgifter', en: 'Invalid data' } },
  invalidQuery: { status: 400, title: { sv: 'Ogiltig fråga', en: 'Invalid query' } },
  malformedJson: { status: 400, title: { sv: 'Ogiltig JSON', en: 'Invalid JSON' } },
  invalidPath: { status: 400, title: { sv: 'Ogiltig adress', en: 'Invalid address' } },
  unauthenticated: { status: 401, title: { sv: 'Inloggning krävs', en: 'Sign-in required' } },
  forbidden: { status: 403, title: { sv: 'Behörighet saknas', en: 'Not allowed' } },
  noAccessToUnit: { status: 403, title: { sv: 'Du har inte behörighet till enheten som det här är kopplat till', en: 'You have no access to the unit this belongs to' } },
  notFound: { status: 404, title: { sv: 'Hittades inte', en: 'Not found' } },
  methodNotAllowed: { status: 405, title: { sv: 'Metoden stöds inte', en: 'Method not supported' } },
  conflict: { status: 409, title: { sv: 'Någon annan har ändrat uppgiften', en: 'Someone else has changed this' } },
  duplicate: { status: 409, title: { sv: 'Finns redan', en: 'Already exists' } },
  bindingTaken: { status: 409, title: { sv: 'Redan kopplad till något annat', en: 'Already linked to something else' } },
  payloadTooLarge: { status: 413, title: { sv: 'För mycket data', en: 'Too much data' } },
  unsupportedMediaType: { status: 415, title: { sv: 'Fel innehållstyp', en: 'Wrong content type' } },
  personalIdentityNumber: { status: 400, title: { sv: 'Personnummer får inte skrivas in', en: 'Personal identity numbers must not be entered' } },
  deficiencyWithoutAction: { status: 422, title: { sv: 'En brist kan inte stängas utan åtgärd', en: 'A deficiency cannot be closed without an action' } },
  deficiencyNotEvaluated: { status: 422, title: { sv: 'Ingen av bristens åtgärder är genomförd och utvärderad', en: 'None of the deficiency\'s actions is carried out and evaluated' } },
  deadlineBeforeFound: { status: 422, title: { sv: 'Sista dagen ligger före upptäckten', en: 'The deadline is before the deficiency was found' } },
  invalidCaseNumber: { status: 400, title: { sv: 'Ogiltigt diarienummer', en: 'Invalid case number' } },
  startAfterDue: { status: 400, title: { sv: 'Startdatumet ligger efter slutdatumet', en: 'The start date is after the end date' } },
  evaluationRequired: { status: 400, title: { sv: 'Utvärderingen saknas', en: 'The evaluation is missing' } },
  originNotFound: { status: 422, title: { sv: 'Det som åtgärden utgår från finns inte', en: 'What the action starts from does not exist' } },
  originOtherUnit: { status: 422, title: { sv: 'Åtgärden och det den utgår från hör till olika enheter', en: 'The action and what it starts from belong to different units' } },
  parentGoalNotFound: { status: 422, title: { sv: 'Målet som det står under finns inte', en: 'The goal it is under does not exist' } },
  parentGoalRequired: { status: 422, title: { sv: 'Enhetens mål står under ett nämndmål eller fokusområde', en: 'A unit\'s goal is under a board goal or focus area' } },
  parentGoalOtherYear: { status: 422, title: { sv: 'Målen hör till olika läsår', en: 'The goals belong to different school years' } },
  goalInUse: { status: 422, title: { sv: 'Målet har mål eller åtgärder under sig', en: 'The goal has goals or actions under it' } },
  goalNotFound: { status: 422, title: { sv: 'Målet finns inte i enheten', en: 'The goal does not exist in the unit' } },
  indicatorNotFound: { status: 422, title: { sv: 'Indikatorn finns inte', en: 'The indicator does not exist' } },
  indicatorArchived: { status: 422, title: { sv: 'Indikatorn är arkiverad', en: 'The indicator is archived' } },
  indicatorNotForUnit: { status: 422, title: { sv: 'Indikatorn gäller inte enhetens skolform', en: 'The indicator does not apply to the unit\'s school type' } },
  groupNotOfIndicator: { status: 422, title: { sv: 'Indikatorn delas inte upp i den gruppen', en: 'The indicator is not divided into that group' } },
  analysisNotFound: { status: 422, title: { sv: 'Analysen finns inte i enheten', en: 'The analysis does not exist in the unit' } },
  analysisExists: { status: 409, title: { sv: 'Enheten har redan en analys för perioden', en: 'The unit already has an analysis for the period' } },
  analysisNotDraft: { status: 422, title: { sv: 'Analysen är redan inlämnad', en: 'The analysis is already submitted' } },
  analysisNotSubmitted: { status: 422, title: { sv: 'Analysen är inte inlämnad', en: 'The analysis is not submitted' } },
  unknownQuestion: { status: 422, title: { sv: 'Frågan finns inte i mallen', en: 'The question is not in the template' } },
  idempotencyKeyReused: { status: 422, title: { sv: 'Idempotency-Key används redan för en annan begäran', en: 'The Idempotency-Key is already used for another request' } },
  ruleViolation: { status: 422, title: { sv: 'Ändringen bryter mot en regel', en: 'The change breaks a rule' } },
  preconditionRequired: { status: 428, title: { sv: 'If-Match saknas', en: 'If-Match is missing' } },
  internal: { status: 500, title: { sv: 'Något gick fel', en: 'Something went wrong' } },
  notImplemented: { status: 501, title: { sv: 'Finns inte ännu', en: 'Not available yet' } },
  schoolUnitCodeTaken: { status: 409, title: { sv: 'Skolenhetskoden finns redan', en: 'The school unit code already exists' } },
  unitImportRefused: { status: 422, title: { sv: 'Enheterna kan inte importeras så här', en: 'The units cannot be imported like this' } },
  registerNotConfigured: { status: 501, title: { sv: 'Skolenhetsregistret nås inte härifrån', en: 'The school unit register cannot be reached from here' } },
  unavailable: { status: 503, title: { sv: 'Tjänsten är inte tillgänglig just nu', en: 'The service is not available right now' } },
  syncing: { status: 503, title: { sv: 'Uppgifterna läses in, försök igen om en stund', en: 'The data is being read in, try again in a moment' } },
} as const satisfies Record<string, { status: number; title: Words }>;

export type ProblemCode = keyof typeof problemCatalogue;

export interface ProblemOptions {
  /** for people, in each language; a bare string is the same in every language (a code, a technical note) */
  readonly detail?: Words | string;
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
    super(textOf(options.detail, 'en') ?? problemCatalogue[code].title.en);
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
      title: entry.title[language],
      status: entry.status,
      code: this.code,
      detail: label !== undefined && reason !== undefined ? `${label}: ${reason[language]}` : (textOf(this.options.detail, language) ?? entry.title[language]),
      ...(field !== undefined ? { field } : {}),
      ...(label !== undefined ? { fieldLabel: label } : {}),
      ...(this.options.current !== undefined ? { current: this.options.current } : {}),
      ...(this.options.holder !== undefined ? { holder: this.options.holder } : {}),
    };
  }
}

function textOf(text: Words | string | undefined, language: Language): string | undefined {
  return typeof text === 'object' ? text[language] : text;
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
