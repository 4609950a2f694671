/**
 * The toolkit's `${{NAME}}` placeholders: find them and render them. Rendering never leaves a
 * placeholder behind silently: every name without a value is reported at once.
 */

const placeholderPattern = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The distinct placeholder names in `text`, sorted. */
export function findPlaceholders(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(placeholderPattern)) if (match[1]) names.add(match[1]);
  return [...names].sort();
}

/** Thrown when placeholders have no value; `names` lists every one of them. */
export class MissingPlaceholdersError extends Error {
  constructor(readonly names: readonly string[], where: string) {
    super(`${where}: no value for ${names.map((name) => `\${{${name}}}`).join(', ')}`);
    this.name = 'MissingPlaceholdersError';
  }
}

export interface RenderOptions {
  /** `json` escapes values for use inside a JSON string literal */
  escape?: 'json' | 'none';
  /** names the file in the error message */
  where?: string;
}

/** Replaces every placeholder; an undefined or empty value is an error naming all such placeholders. */
export function renderPlaceholders(
  text: string,
  values: Readonly<Record<string, string | undefined>>,
  options: RenderOptions = {},
): string {
  const { escape = 'none', where = 'template' } = options;
  const missing = findPlaceholders(text).filter((name) => (values[name] ?? '') === '');
  if (missing.length > 0) throw new MissingPlaceholdersError(missing, where);
  return text.replace(placeholderPattern, (_match, name: string) => {
    const value = values[name] ?? '';
    return escape === 'json' ? JSON.stringify(value).slice(1, -1) : value;
  });
}
