import { describe, expect, it } from 'vitest';
import { createLogger, redact } from './log';

describe('redact', () => {
  it('removes tokens, personal identity numbers and e-mail addresses', () => {
    const text = 'Bearer abc.def.ghi for eyJhbGciOi.eyJzdWIi.c2ln by anna@example.se about 121212-1212 and 19121212-1212';
    const clean = redact(text);
    expect(clean).not.toMatch(/abc\.def|eyJ|anna@|121212-1212/);
    expect(clean).toContain('[personnummer]');
  });
});

describe('createLogger', () => {
  it('writes one JSON line per event with the child fields, redacted, above the level', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'info', sink: (line) => lines.push(line) }).child({ requestId: 'r1' });
    log.debug('hidden');
    log.error('failed', { message: 'user 121212-1212 broke it' });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ level: 'error', event: 'failed', requestId: 'r1', message: 'user [personnummer] broke it' });
  });
});
