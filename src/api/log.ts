/**
 * A small structured JSON logger: one line per event, to stdout (or a sink for tests).
 * Nothing that could be a token or personal data is written: callers pass only fields they
 * chose, and `redact` scrubs free text (error messages) before it is written.
 */
import { findPersonalIdentityNumbers } from '../domain';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  /** a logger that adds `fields` to every line (e.g. the request id) */
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  readonly level?: LogLevel;
  /** where lines go; stdout by default */
  readonly sink?: (line: string) => void;
  readonly base?: LogFields;
}

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  const sink = options.sink ?? ((line: string) => process.stdout.write(`${line}\n`));
  const base = options.base ?? {};
  const write = (lineLevel: Exclude<LogLevel, 'silent'>, event: string, fields: LogFields = {}): void => {
    if (rank[lineLevel] < rank[level]) return;
    const clean: Record<string, string | number | boolean> = {};
    for (const [key, value] of Object.entries({ ...base, ...fields })) {
      if (value === undefined) continue;
      clean[key] = typeof value === 'string' ? redact(value) : value;
    }
    sink(JSON.stringify({ time: new Date().toISOString(), level: lineLevel, event, ...clean }));
  };
  return {
    debug: (event, fields) => write('debug', event, fields),
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
    child: (fields) => createLogger({ level, sink, base: { ...base, ...fields } }),
  };
}

const secrets: readonly [RegExp, string][] = [
  // JWTs (three base64url parts, the first starting with {" encoded)
  [/eyJ[\w-]*\.[\w-]*\.[\w-]*/g, '[token]'],
  [/\b(Bearer|Basic)\s+\S+/gi, '$1 [redacted]'],
];
// e-mail addresses; not Teams' conversation ids (19:...@thread.v2, @thread.tacv2, @unq.gbl.spaces)
const email = /[\w.+-]+@(?!thread\.|unq\.gbl\.spaces\b)[\w-]+(\.[\w-]+)+/g;

/** Replaces each valid personal identity number: exactly what free text refuses (the domain's one rule). */
function redactPersonalIdentityNumbers(text: string): string {
  let out = '';
  let from = 0;
  for (const found of findPersonalIdentityNumbers(text)) {
    out += `${text.slice(from, found.index)}[personnummer]`;
    from = found.index + found.text.length;
  }
  return out + text.slice(from);
}

/**
 * Scrubs tokens, personal identity numbers and e-mail addresses out of free text. Ids (GUIDs,
 * Teams' chat and channel ids) stay as they are: a log must still say which item it is about.
 */
export function redact(text: string): string {
  let out = text;
  for (const [pattern, replacement] of secrets) out = out.replace(pattern, replacement);
  return redactPersonalIdentityNumbers(out).replace(email, '[email]');
}
