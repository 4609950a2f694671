/**
 * What a service refuses, independent of HTTP; the API maps each to a problem (src/api/problems.ts).
 */
import type { Words } from '../domain';

export class ServiceError extends Error {
  override readonly name: string = 'ServiceError';
}

/** The thing does not exist for this caller: missing, or in a unit they may not see. */
export class NotVisibleError extends ServiceError {
  override readonly name = 'NotVisibleError';
  constructor(readonly what: string) {
    super(`${what} was not found`);
  }
}

/**
 * A channel or a Teams meeting is linked, but to a unit the caller may not see: they are told so
 * (rather than "not linked"), and never which unit it is.
 */
export class NoAccessToUnitError extends ServiceError {
  override readonly name = 'NoAccessToUnitError';
  constructor(readonly what: 'channel' | 'meeting') {
    super(`${what} is linked to a unit the caller may not see`);
  }
}

/** The caller sees it but may not do this. */
/** The caller sees the thing but may not do this; `reason` says why, in each language. */
export class ForbiddenError extends ServiceError {
  override readonly name = 'ForbiddenError';
  constructor(readonly reason: Words) {
    super(reason.en);
  }
}

/**
 * A rule of the domain does not hold (see src/domain/rules.ts); `code` is stable. The message is
 * Swedish, and `english` its English when the rule has one.
 */
export class RuleError extends ServiceError {
  override readonly name = 'RuleError';
  constructor(readonly code: string, readonly field: string, message: string, private readonly english?: string) {
    super(message);
  }

  /** The message in each language (Swedish where there is no English). */
  get words(): Words {
    return { sv: this.message, en: this.english ?? this.message };
  }
}

/** A page token that this server did not make for this query. */
export class InvalidPageTokenError extends ServiceError {
  override readonly name = 'InvalidPageTokenError';
  constructor() {
    super('invalid page token');
  }
}

/** A service outside the product (Skolverket's register) could not answer; `reason` says why, for the log. */
export class UpstreamUnavailableError extends ServiceError {
  override readonly name = 'UpstreamUnavailableError';
  constructor(readonly upstream: string, readonly reason: string) {
    super(`${upstream}: ${reason}`);
  }
}
