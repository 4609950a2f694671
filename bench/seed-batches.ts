/**
 * Seeding for the benchmarks: items created through the emulator's Graph API twenty at a time in
 * `$batch` POSTs (several batches in flight), each with the fields the Graph store would send and
 * a client key. A benchmark's seed is thousands of items; one POST each would take longer than
 * what is measured.
 */
import type { RunningEmulator } from '../src/emulator';
import { lists, type Entities } from '../src/lists/lists';
import { encodeFields } from '../src/store/fields';
import { validateWith } from '../src/store/validate';
import { pool } from '../src/store/pool';

const batchSize = 20;
const inFlight = 8;
const actor = '1a000000-0000-4000-8000-000000000001';

interface BatchAnswer {
  readonly responses?: readonly { readonly id: string; readonly status: number; readonly body?: { readonly id?: string } }[];
}

/** Creates items in one list through `$batch`; answers their ids in the order of `items`. */
export async function createAll<K extends keyof Entities & string>(emulator: Pick<RunningEmulator, 'baseUrl' | 'siteId'>, list: K, items: readonly Entities[K][], keyPrefix = list): Promise<string[]> {
  const binding = lists[list];
  const site = `/sites/${emulator.siteId}`;
  const found = (await (await fetch(`${emulator.baseUrl}${site}/lists?$select=id,displayName`)).json()) as { value: { id: string; displayName: string }[] };
  const listId = found.value.find((entry) => entry.displayName === binding.definition.displayName)?.id;
  if (!listId) throw new Error(`no list ${binding.definition.displayName}`);
  const chunks: number[] = [];
  for (let start = 0; start < items.length; start += batchSize) chunks.push(start);
  const ids = new Array<string>(items.length);
  await pool(chunks.map((start) => async () => {
    const requests = items.slice(start, start + batchSize).map((item, offset) => ({
      id: String(start + offset),
      method: 'POST',
      url: `${site}/lists/${listId}/items`,
      headers: { 'Content-Type': 'application/json' },
      body: { fields: encodeFields(binding.definition, validateWith(list, binding.schema, item) as Record<string, unknown>, { clientKey: `${keyPrefix}:${start + offset}`, createdByUser: actor, modifiedByUser: actor }) },
    }));
    const response = await fetch(`${emulator.baseUrl}/$batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ requests }) });
    const answer = (await response.json()) as BatchAnswer;
    for (const entry of answer.responses ?? []) {
      if (entry.status !== 201 || !entry.body?.id) throw new Error(`${list}: a create answered ${entry.status}`);
      ids[Number(entry.id)] = entry.body.id;
    }
  }), inFlight);
  return ids;
}
