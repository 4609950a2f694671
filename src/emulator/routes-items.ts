import { deltaPage } from './delta';
import { invalidRequest, methodNotAllowed, segmentNotFound } from './errors';
import { fieldsExpansion } from './expand';
import { json, option, type EmulatorResponse, type ListRoute } from './http-types';
import { runQuery } from './query';
import { renderFields, renderItem } from './shapes';

const honorNonIndexed = 'honornonindexedquerieswarningmayfailrandomly';

/** `/lists/{list}/items...`: query, create, get, update fields, delete, delta. */
export async function itemRoutes(route: ListRoute): Promise<EmulatorResponse> {
  const { request, rest } = route;
  const [id, sub, extra] = rest;
  if (id === undefined) {
    if (request.method === 'GET') return queryItems(route);
    if (request.method === 'POST') return createItem(route);
    throw methodNotAllowed();
  }
  if (id === 'delta' || id === 'delta()') {
    if (request.method !== 'GET' || sub !== undefined) throw methodNotAllowed();
    return delta(route);
  }
  if (extra !== undefined) throw segmentNotFound(extra);
  if (sub === 'fields') {
    if (request.method === 'GET') return json(200, renderFields(route.list.get(id)));
    if (request.method === 'PATCH') return patchFields(route, id);
    throw methodNotAllowed();
  }
  if (sub !== undefined) throw segmentNotFound(sub);
  switch (request.method) {
    case 'GET':
      return json(200, renderItem(route.context.site, route.list, route.list.get(id), { fields: fieldsExpansion(option(route.query, 'expand')) }));
    case 'PATCH': {
      const body = request.body as { fields?: unknown } | undefined;
      if (typeof body !== 'object' || body === null || body.fields === undefined) {
        throw invalidRequest('Invalid request: only the fields of a list item can be updated.');
      }
      const item = await route.context.state.updateItem(route.list, id, body.fields, request.headers['if-match']);
      return json(200, renderItem(route.context.site, route.list, item, { fields: true }));
    }
    case 'DELETE':
      await route.context.state.deleteItem(route.list, id, request.headers['if-match']);
      return { status: 204, headers: {} };
    default:
      throw methodNotAllowed();
  }
}

function itemsUrl(route: ListRoute): string {
  return `${route.context.baseUrl()}/sites/${route.context.site.siteId}/lists/${route.list.meta.id}/items`;
}

function queryString(query: URLSearchParams, drop: readonly string[], add: Record<string, string>): string {
  const parts: string[] = [];
  for (const [key, value] of query) if (!drop.includes(key)) parts.push(`${key}=${encodeURIComponent(value)}`);
  for (const [key, value] of Object.entries(add)) parts.push(`${key}=${encodeURIComponent(value)}`);
  return parts.join('&');
}

function queryItems(route: ListRoute): EmulatorResponse {
  const { query, context, list } = route;
  const prefer = (route.request.headers['prefer'] ?? '').toLowerCase();
  const filter = option(query, 'filter');
  const orderBy = option(query, 'orderby');
  const top = option(query, 'top');
  const skipToken = option(query, 'skiptoken');
  const result = runQuery(list, {
    ...(filter !== undefined ? { filter } : {}),
    ...(orderBy !== undefined ? { orderBy } : {}),
    ...(top !== undefined ? { top } : {}),
    ...(skipToken !== undefined ? { skipToken } : {}),
    honorNonIndexed: prefer.includes(honorNonIndexed),
  }, context.listViewThreshold);
  const fields = fieldsExpansion(option(query, 'expand'));
  const body: Record<string, unknown> = {
    '@odata.context': `${context.baseUrl()}/$metadata#sites('${context.site.siteId}')/lists('${list.meta.id}')/items`,
    value: result.items.map((item) => renderItem(context.site, list, item, { fields })),
  };
  if (result.nextSkipToken) {
    body['@odata.nextLink'] = `${itemsUrl(route)}?${queryString(query, ['$skiptoken', 'skiptoken'], { $skiptoken: result.nextSkipToken })}`;
  }
  return json(200, body);
}

async function createItem(route: ListRoute): Promise<EmulatorResponse> {
  const body = route.request.body as { fields?: unknown } | undefined;
  if (typeof body !== 'object' || body === null || body.fields === undefined) {
    throw invalidRequest("Invalid request: a listItem with a 'fields' object is expected.");
  }
  const item = await route.context.state.createItem(route.list, body.fields);
  return json(201, renderItem(route.context.site, route.list, item, { fields: true }), { Location: `${itemsUrl(route)}/${item.id}` });
}

async function patchFields(route: ListRoute, id: string): Promise<EmulatorResponse> {
  const item = await route.context.state.updateItem(route.list, id, route.request.body, route.request.headers['if-match']);
  const { context, list } = route;
  return json(200, {
    '@odata.context': `${context.baseUrl()}/$metadata#sites('${context.site.siteId}')/lists('${list.meta.id}')/items('${item.id}')/fields/$entity`,
    ...renderFields(item),
  });
}

/**
 * `items/delta` as Graph's listItem delta answers it: `fields` only when expanded, a deleted item
 * as its id with the `deleted` facet, and a 410 whose Location starts a fresh enumeration with the
 * same query options.
 */
function delta(route: ListRoute): EmulatorResponse {
  const { query, context, list } = route;
  const base = `${itemsUrl(route)}/delta`;
  const keep = ['token', '$deltatoken', 'deltatoken', '$skiptoken', 'skiptoken'];
  const options = queryString(query, keep, {});
  const fresh = options === '' ? base : `${base}?${options}`;
  const page = deltaPage(list, query.get('token') ?? option(query, 'deltatoken') ?? option(query, 'skiptoken'), option(query, 'top'), fresh);
  const fields = fieldsExpansion(option(query, 'expand'));
  const body: Record<string, unknown> = {
    '@odata.context': `${context.baseUrl()}/$metadata#Collection(listItem)`,
    value: page.entries.map((entry) =>
      'item' in entry
        ? renderItem(context.site, list, entry.item, { fields })
        : { id: String(entry.deletedId), parentReference: { siteId: context.site.siteId }, deleted: { state: 'deleted' } },
    ),
  };
  if (page.nextToken) body['@odata.nextLink'] = `${base}?${queryString(query, keep, { token: page.nextToken })}`;
  if (page.deltaToken) body['@odata.deltaLink'] = `${base}?${queryString(query, keep, { token: page.deltaToken })}`;
  return json(200, body);
}
