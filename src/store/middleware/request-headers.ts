import type { Context } from '@microsoft/microsoft-graph-client';

type HeaderRecord = Record<string, string>;

function record(context: Context): HeaderRecord | Headers {
  context.options ??= {};
  const headers = context.options.headers;
  if (headers instanceof Headers) return headers;
  if (Array.isArray(headers)) {
    const copy: HeaderRecord = Object.fromEntries(headers.map(([k, v]) => [k ?? '', v ?? '']));
    context.options.headers = copy;
    return copy;
  }
  const plain = (headers ?? {}) as HeaderRecord;
  context.options.headers = plain;
  return plain;
}

/** Reads a request header whatever shape the SDK gave the headers (case-insensitive). */
export function getRequestHeader(context: Context, name: string): string | undefined {
  const headers = record(context);
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : headers[key];
}

/** Sets a request header, replacing any spelling of the same name. */
export function setRequestHeader(context: Context, name: string, value: string): void {
  const headers = record(context);
  if (headers instanceof Headers) {
    headers.set(name, value);
    return;
  }
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name.toLowerCase()) delete headers[key];
  headers[name] = value;
}

/** The request's URL and method, whether the SDK passed a string or a Request. */
export function requestTarget(context: Context): { url: string; method: string } {
  const { request } = context;
  if (typeof request === 'string') return { url: request, method: (context.options?.method ?? 'GET').toUpperCase() };
  return { url: request.url, method: (context.options?.method ?? request.method).toUpperCase() };
}
