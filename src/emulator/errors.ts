/**
 * Graph's error catalogue for the subset the emulator serves. Codes and messages follow what
 * Graph and SharePoint Online return; where Graph documents no exact message (type errors,
 * required fields) the message is ours, in the same style.
 */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
    readonly innerCode?: string,
  ) {
    super(message);
  }
}

/** The error body every failing response carries. */
export function errorBody(error: GraphError, requestId: string, clientRequestId: string): unknown {
  const innerError: Record<string, string> = {
    date: new Date().toISOString().slice(0, 19),
    'request-id': requestId,
    'client-request-id': clientRequestId,
  };
  if (error.innerCode) innerError['code'] = error.innerCode;
  return { error: { code: error.code, message: error.message, innerError } };
}

export const invalidRequest = (message: string): GraphError => new GraphError(400, 'invalidRequest', message);

export const badRequest = (message: string): GraphError => new GraphError(400, 'BadRequest', message);

export const itemNotFound = (message = 'The resource could not be found.'): GraphError =>
  new GraphError(404, 'itemNotFound', message);

export const unknownField = (name: string): GraphError => invalidRequest(`Field '${name}' is not recognized`);

export const readOnlyField = (name: string): GraphError => invalidRequest(`Field '${name}' is read-only`);

export const invalidFieldValue = (name: string, expected: string): GraphError =>
  invalidRequest(`The value of field '${name}' is not valid: expected ${expected}.`);

export const requiredField = (name: string): GraphError =>
  invalidRequest(`Field '${name}' is required and cannot be empty.`);

export const duplicateValue = (name: string): GraphError =>
  new GraphError(
    409,
    'nameAlreadyExists',
    `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${name}].`,
  );

export const preconditionFailed = (sent: string, current: string): GraphError =>
  new GraphError(412, 'preconditionFailed', `The request ETag value '${sent}' does not match the object's ETag value '${current}'.`);

export const notIndexed = (name: string): GraphError =>
  invalidRequest(
    `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
  );

/** SharePoint's SPQueryThrottledException surfaces through Graph as a 500. */
export const listViewThreshold = (): GraphError =>
  new GraphError(500, 'generalException', 'The attempted operation is prohibited because it exceeds the list view threshold.');

export const throttled = (retryAfterSeconds: number): GraphError =>
  new GraphError(429, 'activityLimitReached', 'The request has been throttled', { 'Retry-After': String(retryAfterSeconds) }, 'throttledRequest');

export const unavailable = (): GraphError =>
  new GraphError(503, 'serviceNotAvailable', 'The service is temporarily unavailable. Please try again later.');

export const resyncRequired = (location: string): GraphError =>
  new GraphError(
    410,
    'resyncRequired',
    "Resync required. Replace any local items with the server's version (including deletes) if you're sure that the service was up to date with your local changes when you last sync'd. Upload any local changes that the server doesn't know about.",
    { Location: location },
    'resyncChangesApplyDifferences',
  );

export const failedDependency = (): GraphError =>
  new GraphError(424, 'FailedDependency', 'The request was not executed because a request it depends on failed.');

export const listAlreadyExists = (): GraphError =>
  new GraphError(
    409,
    'nameAlreadyExists',
    'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.',
  );

export const columnAlreadyExists = (name: string): GraphError =>
  new GraphError(409, 'nameAlreadyExists', `A duplicate field name "${name}" was found.`);

export const segmentNotFound = (segment: string): GraphError => badRequest(`Resource not found for the segment '${segment}'.`);

export const methodNotAllowed = (): GraphError =>
  new GraphError(405, 'methodNotAllowed', 'The requested HTTP method is not supported for this resource.');
