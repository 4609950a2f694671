/**
 * SharePoint's cost of a Graph request in resource units: 1 for a single item or a delta with a
 * token, 2 for a query, a delta without a token or a write; a $batch costs the sum of its requests.
 */
export function resourceUnits(method: string, url: string, body?: unknown): number {
  const [path = url, query = ''] = url.split('?');
  if (method === 'POST' && path.endsWith('/$batch')) return batchUnits(body);
  if (method !== 'GET') return 2;
  if (path.endsWith('/items/delta')) return /(^|&)token=/.test(query) ? 1 : 2;
  return /\/items\/[^/]+$/.test(path) ? 1 : 2;
}

function batchUnits(body: unknown): number {
  if (typeof body !== 'string') return 2;
  try {
    const parsed = JSON.parse(body) as { requests?: { method?: string; url?: string }[] };
    const requests = parsed.requests ?? [];
    return requests.reduce((sum, r) => sum + resourceUnits((r.method ?? 'GET').toUpperCase(), r.url ?? ''), 0) || 2;
  } catch {
    return 2;
  }
}
