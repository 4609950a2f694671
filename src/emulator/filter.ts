import { invalidRequest } from './errors';
import type { FieldValue } from './model';

export type FilterOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

export interface Clause {
  readonly field: string;
  readonly op: FilterOp;
  readonly value: FieldValue | null;
}

export interface OrderBy {
  readonly field: string;
  readonly descending: boolean;
}

const ops: ReadonlySet<string> = new Set(['eq', 'ne', 'lt', 'le', 'gt', 'ge']);

/** Parses `fields/a eq 'x' and fields/b ge 3`: clauses ANDed, as the store sends them. */
export function parseFilter(text: string): Clause[] {
  const tokens = tokenize(text);
  const clauses: Clause[] = [];
  let position = 0;
  const next = (): Token => {
    const token = tokens[position++];
    if (!token) throw invalidRequest(`Invalid filter clause: unexpected end of '${text}'.`);
    return token;
  };
  for (;;) {
    const path = next();
    const op = next();
    const literal = next();
    if (path.kind !== 'word' || op.kind !== 'word' || !ops.has(op.text.toLowerCase()) || literal.kind === 'word' && !/^(true|false|null)$/.test(literal.text)) {
      throw invalidRequest(`Invalid filter clause: '${text}'.`);
    }
    clauses.push({ field: fieldOf(path.text), op: op.text.toLowerCase() as FilterOp, value: literalValue(literal) });
    if (position === tokens.length) return clauses;
    const joiner = next();
    if (joiner.kind !== 'word' || joiner.text.toLowerCase() !== 'and') {
      throw invalidRequest(`Invalid filter clause: only 'and' is supported between clauses in '${text}'.`);
    }
  }
}

/** Parses `fields/a desc`; a single key, as the store sends it. */
export function parseOrderBy(text: string): OrderBy {
  const parts = text.trim().split(/\s+/);
  const direction = (parts[1] ?? 'asc').toLowerCase();
  if (parts.length > 2 || !parts[0] || (direction !== 'asc' && direction !== 'desc')) {
    throw invalidRequest(`Invalid orderby expression: '${text}'.`);
  }
  return { field: fieldOf(parts[0]), descending: direction === 'desc' };
}

function fieldOf(path: string): string {
  if (path === 'id') return 'id';
  const match = /^fields\/([A-Za-z_][A-Za-z0-9_]*)$/.exec(path);
  if (!match) throw invalidRequest(`Invalid filter or orderby property '${path}': use fields/<name>.`);
  return match[1] as string;
}

type Token = { kind: 'word'; text: string } | { kind: 'string'; text: string } | { kind: 'number'; value: number };

function literalValue(token: Token): FieldValue | null {
  if (token.kind === 'string') return token.text;
  if (token.kind === 'number') return token.value;
  return token.text === 'null' ? null : token.text === 'true';
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    if (/\s/.test(char)) {
      i++;
    } else if (char === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw invalidRequest(`Invalid filter: unterminated string in '${text}'.`);
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i];
        i++;
      }
      tokens.push({ kind: 'string', text: value });
    } else {
      const match = /^[^\s']+/.exec(text.slice(i));
      const word = (match as RegExpExecArray)[0];
      i += word.length;
      if (/^-?\d+(\.\d+)?$/.test(word)) tokens.push({ kind: 'number', value: Number(word) });
      else tokens.push({ kind: 'word', text: word });
    }
  }
  return tokens;
}
