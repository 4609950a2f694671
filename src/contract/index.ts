/**
 * The wire contract: the shape of every API answer, as a zod schema and its type. Shared by
 * src/api (presenters are typed by it) and the tab (type-only imports: no schema code in the
 * bundle). Imports only src/domain.
 */
export * from './item';
export * from './problem';
export * from './cycle';
export * from './me';
export * from './units';
export * from './goals';
export * from './indicators';
export * from './measurements';
export * from './analyses';
export * from './analysis-support';
export * from './actions';
export * from './deficiencies';
export * from './meetings';
export * from './follow-ups';
export * from './year-wheel';
export * from './feedback';
export * from './rollup';
export * from './imports';
export * from './directory';
export * from './unit-imports';
export * from './setup';
export * from './other-units';
export * from './routes';
