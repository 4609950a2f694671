/** One `$expand` entry, e.g. `fields($select=Title,status)` → `{ name: 'fields', select: ['Title', 'status'] }`. */
export interface Expansion {
  readonly name: string;
  readonly select?: readonly string[];
}

export function parseExpand(text: string | undefined): Expansion[] {
  if (!text) return [];
  const expansions: Expansion[] = [];
  for (const match of text.matchAll(/([A-Za-z_]+)\s*(?:\(([^)]*)\))?/g)) {
    const name = match[1] as string;
    const options = match[2];
    const select = options ? /\$?select=([^;]*)/i.exec(options)?.[1] : undefined;
    expansions.push(select === undefined ? { name } : { name, select: select.split(',').map((field) => field.trim()).filter(Boolean) });
  }
  return expansions;
}

/** What `fields` rendering an $expand asks for: false, all fields, or the selected ones. */
export function fieldsExpansion(text: string | undefined): false | true | readonly string[] {
  const fields = parseExpand(text).find((expansion) => expansion.name === 'fields');
  if (!fields) return false;
  return fields.select ?? true;
}
