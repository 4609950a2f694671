import { StoreError } from './errors';
import type { GraphResponse, GraphTransport } from './graph-transport';

/**
 * List ids by displayName, looked up once per list and cached (a failed lookup is tried again
 * next time). Only the store knows them; callers use list keys.
 */
export class ListIds {
  private readonly ids = new Map<string, Promise<string>>();

  constructor(
    private readonly transport: Pick<GraphTransport, 'request'>,
    private readonly siteId: string,
    private readonly fail: (response: GraphResponse) => Error,
  ) {}

  /** `/sites/{site}/lists/{list-id}` for the list with this displayName. */
  async path(displayName: string): Promise<string> {
    let id = this.ids.get(displayName);
    if (!id) {
      id = this.resolve(displayName);
      this.ids.set(displayName, id);
      id.catch(() => this.ids.delete(displayName));
    }
    return `/sites/${this.siteId}/lists/${await id}`;
  }

  private async resolve(displayName: string): Promise<string> {
    const filter = encodeURIComponent(`displayName eq '${displayName.replace(/'/g, "''")}'`);
    const response = await this.transport.request('GET', `/sites/${this.siteId}/lists?$filter=${filter}&$select=id,displayName`);
    if (response.status !== 200) throw this.fail(response);
    const found = ((response.body as { value?: { id?: string; displayName?: string }[] }).value ?? []).find((l) => l.displayName === displayName);
    if (!found?.id) throw new StoreError(`the list "${displayName}" does not exist on the site`);
    return found.id;
  }
}
