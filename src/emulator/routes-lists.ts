import { renderColumn } from './columns';
import { invalidRequest, methodNotAllowed, segmentNotFound } from './errors';
import { parseExpand } from './expand';
import { json, option, type EmulatorRequest, type EmulatorResponse, type ListRoute, type RouterContext } from './http-types';
import { renderColumns, renderList } from './shapes';

/** `/sites/{site}/lists`: list and create lists. */
export async function listCollection(context: RouterContext, request: EmulatorRequest, query: URLSearchParams): Promise<EmulatorResponse> {
  if (request.method === 'POST') {
    const list = await context.state.createList(request.body);
    return json(201, renderList(context.site, list, true));
  }
  if (request.method !== 'GET') throw methodNotAllowed();
  const filter = option(query, 'filter');
  let lists = context.state.lists();
  if (filter !== undefined) {
    const match = /^\s*displayName\s+eq\s+'((?:[^']|'')*)'\s*$/.exec(filter);
    if (!match) throw invalidRequest(`Invalid filter clause: only displayName eq '...' is supported on lists, not '${filter}'.`);
    const wanted = (match[1] as string).replace(/''/g, "'").toLowerCase();
    lists = lists.filter((list) => list.meta.displayName.toLowerCase() === wanted);
  }
  const expandColumns = parseExpand(option(query, 'expand')).some((expansion) => expansion.name === 'columns');
  const select = option(query, 'select')?.split(',').map((name) => name.trim()).filter(Boolean);
  const value = lists.map((list) => {
    const full = renderList(context.site, list, expandColumns);
    if (!select) return full;
    const picked: Record<string, unknown> = { '@odata.etag': full['@odata.etag'] };
    for (const name of [...select, ...(expandColumns ? ['columns'] : [])]) if (full[name] !== undefined) picked[name] = full[name];
    return picked;
  });
  return json(200, { '@odata.context': `${context.baseUrl()}/$metadata#sites('${context.site.siteId}')/lists`, value });
}

/** `/lists/{list}` and `/lists/{list}/columns...`. */
export async function listRoutes(route: ListRoute): Promise<EmulatorResponse> {
  const { request, rest, list, context } = route;
  const [segment, columnRef, extra] = rest;
  if (segment === undefined) {
    if (request.method !== 'GET') throw methodNotAllowed();
    const expandColumns = parseExpand(option(route.query, 'expand')).some((expansion) => expansion.name === 'columns');
    return json(200, renderList(context.site, list, expandColumns));
  }
  if (segment !== 'columns') throw segmentNotFound(segment);
  if (extra !== undefined) throw segmentNotFound(extra);
  if (columnRef === undefined) {
    if (request.method === 'GET') return json(200, { value: renderColumns(list) });
    if (request.method === 'POST') return json(201, renderColumn(await context.state.addColumn(list, request.body)));
    throw methodNotAllowed();
  }
  if (request.method === 'GET') {
    const column = renderColumns(list).find((candidate) => candidate['id'] === columnRef.toLowerCase() || candidate['name'] === columnRef);
    if (!column) throw segmentNotFound(columnRef);
    return json(200, column);
  }
  if (request.method === 'PATCH') return json(200, renderColumn(await context.state.patchColumn(list, columnRef, request.body)));
  throw methodNotAllowed();
}
