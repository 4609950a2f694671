/**
 * SharePoint's cost of a Graph request in resource units: 1 for a single item, 2 for a query or a
 * write; a $batch costs the sum of its requests.
 */
export function resourceUnits(method: string, url: string, body?: unknown): number {
  const path = url.split('?')[0] ?? url;
  if (method === 'POST' && path.endsWith('/$batch')) return batchUnits(body);
  if (method !== 'GET') return 2;
  return /\/items\/[^/]+$/.test(path) && !path.endsWith('/items/delta') ? 1 : 2;
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
