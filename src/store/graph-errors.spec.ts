import { describe, expect, it } from 'vitest';
import { ConflictError, DuplicateError, NotFoundError, StoreError, UnavailableError } from './errors';
import { translateGraphError } from './graph-errors';

const body = (code: string, message: string) => ({ error: { code, message, innerError: { date: '2026-01-01T00:00:00', 'request-id': 'r' } } });

describe('translateGraphError', () => {
  it('maps 404 to NotFoundError for the list and id', () => {
    const error = translateGraphError(404, body('itemNotFound', 'Item not found'), null, { list: 'actions', id: '7' });
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ list: 'actions', id: '7' });
  });

  it('maps 412 to ConflictError', () => {
    expect(translateGraphError(412, body('preconditionFailed', 'x'), null, { list: 'actions', id: '7' })).toBeInstanceOf(ConflictError);
  });

  it('maps a 409 unique violation to DuplicateError naming the field Graph names', () => {
    const message = 'The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [code].';
    const error = translateGraphError(409, body('nameAlreadyExists', message), null, { list: 'units', uniqueColumns: ['clientKey', 'other'] });
    expect(error).toBeInstanceOf(DuplicateError);
    expect(error).toMatchObject({ field: 'code' });
  });

  it("keeps Graph's message for a 400", () => {
    const error = translateGraphError(400, body('invalidRequest', "Field 'x' is not recognized"), null, { list: 'units' });
    expect(error.constructor).toBe(StoreError);
    expect(error.message).toBe("Field 'x' is not recognized");
  });

  it('maps 429 and 503 to UnavailableError with the Retry-After', () => {
    const error = translateGraphError(429, body('activityLimitReached', 'The request has been throttled'), '7', { list: 'units' });
    expect(error).toBeInstanceOf(UnavailableError);
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 7 });
    expect(translateGraphError(503, undefined, null, { list: 'units' })).toBeInstanceOf(UnavailableError);
  });
});
