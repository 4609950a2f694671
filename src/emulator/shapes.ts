import { renderColumn, renderSystemColumns } from './columns';
import { etagOf, type ListStore } from './list-store';
import type { ItemState, ListMeta } from './model';

/** Where the emulated site lives: its id and the host its webUrls point to. */
export interface SiteInfo {
  readonly siteId: string;
  readonly hostname: string;
  readonly created: string;
}

/** App-only writes show up in SharePoint as this principal. */
const appIdentity = { user: { displayName: 'SharePoint App' } };
const appLookupId = '1073741822';

export function renderSite(site: SiteInfo): Record<string, unknown> {
  return {
    createdDateTime: site.created,
    description: '',
    id: site.siteId,
    lastModifiedDateTime: site.created,
    name: '',
    webUrl: `https://${site.hostname}`,
    displayName: 'Kvalitetshjulet',
    root: {},
    siteCollection: { hostname: site.hostname },
  };
}

export function renderList(site: SiteInfo, list: ListStore, expandColumns: boolean): Record<string, unknown> {
  const meta: ListMeta = list.meta;
  const etag = `"${meta.id},${meta.columns.length}"`;
  const body: Record<string, unknown> = {
    '@odata.etag': etag,
    createdDateTime: meta.created,
    description: meta.description,
    eTag: etag,
    id: meta.id,
    lastModifiedDateTime: meta.modified,
    name: meta.name,
    webUrl: `https://${site.hostname}/Lists/${meta.name}`,
    displayName: meta.displayName,
    createdBy: appIdentity,
    parentReference: { siteId: site.siteId },
    list: { contentTypesEnabled: false, hidden: false, template: 'genericList' },
  };
  if (expandColumns) body['columns'] = renderColumns(list);
  return body;
}

export function renderColumns(list: ListStore): Record<string, unknown>[] {
  return [...renderSystemColumns(), ...list.meta.columns.map(renderColumn)];
}

/** The fields of an item as Graph returns them; `select` narrows to the named ones. */
export function renderFields(item: ItemState, select?: readonly string[]): Record<string, unknown> {
  const title = item.fields['Title'];
  const all: Record<string, unknown> = {
    '@odata.etag': etagOf(item),
    ...item.fields,
    id: String(item.id),
    ContentType: 'Item',
    Modified: item.modified,
    Created: item.created,
    AuthorLookupId: appLookupId,
    EditorLookupId: appLookupId,
    _UIVersionString: `${item.version}.0`,
    Attachments: false,
    Edit: '',
    LinkTitleNoMenu: title ?? '',
    LinkTitle: title ?? '',
    ItemChildCount: '0',
    FolderChildCount: '0',
    _ComplianceFlags: '',
    _ComplianceTag: '',
    _ComplianceTagWrittenTime: '',
    _ComplianceTagUserId: '',
  };
  if (!select) return all;
  const picked: Record<string, unknown> = { '@odata.etag': all['@odata.etag'] };
  for (const name of select) if (all[name] !== undefined) picked[name] = all[name];
  return picked;
}

export interface ItemRenderOptions {
  /** include `fields`; an array narrows them ($select inside $expand) */
  readonly fields: false | true | readonly string[];
}

export function renderItem(site: SiteInfo, list: ListStore, item: ItemState, options: ItemRenderOptions): Record<string, unknown> {
  const etag = etagOf(item);
  const body: Record<string, unknown> = {
    '@odata.etag': etag,
    createdDateTime: item.created,
    eTag: etag,
    id: String(item.id),
    lastModifiedDateTime: item.modified,
    webUrl: `https://${site.hostname}/Lists/${list.meta.name}/${item.id}_.000`,
    createdBy: appIdentity,
    lastModifiedBy: appIdentity,
    parentReference: { id: list.meta.id, siteId: site.siteId },
    contentType: { id: '0x0100', name: 'Item' },
  };
  if (options.fields) body['fields'] = renderFields(item, options.fields === true ? undefined : options.fields);
  return body;
}
