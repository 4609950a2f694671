/**
 * Idempotent provisioning of our SharePoint lists on a site through Graph: a missing list is
 * created with all its columns; an existing list gets its missing columns added and its changed
 * settings patched. Nothing is ever deleted, so running it twice changes nothing the second time.
 */
import type { ListDefinition } from './definition';
import { planColumns, toGraphColumn, type ColumnPlan, type GraphColumn, type StorageKind } from './provision-columns';
import { createGraphClient, GraphRequestError, type GraphClient } from './provision-http';

export interface ProvisionOptions {
  /** Graph base URL, e.g. https://graph.microsoft.com/v1.0 */
  baseUrl: string;
  siteId: string;
  lists: readonly ListDefinition[];
  fetch?: typeof fetch;
  /** bearer token for Graph; leave out for a loopback emulator */
  tokenProvider?: () => Promise<string>;
  /** one progress line per list */
  log?: (line: string) => void;
  /** the User-Agent sent to Graph (`NONISV|Kvalitetshjulet|Kvalitetshjulet/<version>`) */
  userAgent?: string;
}

/** Lists by displayName, grouped by what provisioning did to them. */
export interface ProvisionResult {
  created: string[];
  updated: string[];
  unchanged: string[];
}

interface GraphList {
  id: string;
  displayName: string;
  columns?: GraphColumn[];
}

/** OData string literal: single quotes doubled. */
function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

async function findList(graph: GraphClient, sitePath: string, displayName: string): Promise<GraphList | undefined> {
  const filter = encodeURIComponent(`displayName eq ${odataString(displayName)}`);
  const found = await graph.request<{ value: GraphList[] }>('GET', `${sitePath}/lists?$filter=${filter}&$select=id,displayName`);
  // SharePoint list titles are unique regardless of case.
  const match = found.value.find((list) => list.displayName.toLowerCase() === displayName.toLowerCase());
  if (!match) return undefined;
  return graph.request<GraphList>('GET', `${sitePath}/lists/${encodeURIComponent(match.id)}?expand=columns`);
}

async function applyPlan(graph: GraphClient, listPath: string, plan: ColumnPlan): Promise<void> {
  for (const column of plan.add) await graph.request('POST', `${listPath}/columns`, column);
  for (const change of plan.patch) await graph.request('PATCH', `${listPath}/columns/${encodeURIComponent(change.id)}`, change.body);
}

const kindNames: Record<StorageKind, string> = {
  singleLineText: 'en textrad', multiLineText: 'flera textrader', number: 'tal', boolean: 'ja/nej',
  dateOnly: 'datum', dateTime: 'datum och tid', choice: 'val', other: 'en annan typ',
};

async function createList(graph: GraphClient, sitePath: string, list: ListDefinition): Promise<GraphList> {
  const body = {
    displayName: list.displayName,
    description: list.description,
    columns: list.columns.map(toGraphColumn),
    list: { template: 'genericList' },
  };
  try {
    const made = await graph.request<GraphList>('POST', `${sitePath}/lists`, body);
    return await graph.request<GraphList>('GET', `${sitePath}/lists/${encodeURIComponent(made.id)}?expand=columns`);
  } catch (error) {
    // A retried POST whose first attempt did create the list meets its own list: use that one.
    if (error instanceof GraphRequestError && error.status === 409) {
      const existing = await findList(graph, sitePath, list.displayName);
      if (existing) return existing;
    }
    throw error;
  }
}

function describe(plan: ColumnPlan): string {
  const parts: string[] = [];
  if (plan.add.length > 0) parts.push(`${plan.add.length} ${plan.add.length === 1 ? 'kolumn tillagd' : 'kolumner tillagda'}`);
  if (plan.patch.length > 0) parts.push(`${plan.patch.length} ${plan.patch.length === 1 ? 'kolumn ändrad' : 'kolumner ändrade'}`);
  return parts.join(', ');
}

/** Creates or updates every list in `options.lists` on the site; see ProvisionResult. */
export async function provisionLists(options: ProvisionOptions): Promise<ProvisionResult> {
  const log = options.log ?? (() => undefined);
  const graph = createGraphClient({
    baseUrl: options.baseUrl, fetch: options.fetch, tokenProvider: options.tokenProvider, userAgent: options.userAgent,
  });
  const sitePath = `/sites/${options.siteId}`;
  const result: ProvisionResult = { created: [], updated: [], unchanged: [] };

  for (const list of options.lists) {
    let existing = await findList(graph, sitePath, list.displayName);
    const created = !existing;
    if (!existing) existing = await createList(graph, sitePath, list);
    const listPath = `${sitePath}/lists/${encodeURIComponent(existing.id)}`;
    const plan = planColumns(list, existing.columns ?? []);
    await applyPlan(graph, listPath, plan);
    for (const { name, onSite, inDefinition } of plan.conflicts) {
      log(`${list.displayName}: varning: kolumnen ${name} är ${kindNames[onSite]} på webbplatsen men ${kindNames[inDefinition]} i definitionen; den lämnas orörd`);
    }

    if (created) {
      result.created.push(list.displayName);
      log(`${list.displayName}: skapad`);
    } else if (plan.add.length + plan.patch.length > 0) {
      result.updated.push(list.displayName);
      log(`${list.displayName}: ${describe(plan)}`);
    } else {
      result.unchanged.push(list.displayName);
      log(`${list.displayName}: oförändrad`);
    }
  }
  return result;
}
