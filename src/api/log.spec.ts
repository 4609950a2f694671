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

describe('redact: the personnummer rule, never ids', () => {
  it.each([
    ['19121212 1212', 'elev 19121212 1212 saknas', 'elev [personnummer] saknas'],
    ['an en dash', 'elev 20121212–1212 saknas', 'elev [personnummer] saknas'],
    ['a samordningsnummer', 'nr 701063-2391', 'nr [personnummer]'],
  ])('redacts a number free text refuses: %s', (_name, text, clean) => {
    expect(redact(text)).toBe(clean);
  });

  it.each([
    ['an Entra object id', 'user 00000000-0000-0000-0000-000000000011 denied'],
    ['a GUID whose digits look like a personnummer', 'item 19121212-1212-4abc-9def-121212121212'],
    ['a meeting chat id', 'chat 19:meeting_ZmFrZS1tZWV0aW5n@thread.v2 ended'],
    ['a channel id', 'channel 19:a1b2c3d4e5f6@thread.tacv2 and 19:abc@thread.skype'],
    ['a 1:1 chat id', 'conversation 19:00000000-0000-0000-0000-000000000011_00000000-0000-0000-0000-000000000012@unq.gbl.spaces'],
    ['a phone number and an organisationsnummer', 'ring 0414-81 95 06, org 212000-1124'],
    ['a number that fails the check digit', 'ref 19121212-1213'],
  ])('leaves %s as it is', (_name, text) => {
    expect(redact(text)).toBe(text);
  });

  it('still redacts e-mail addresses next to ids', () => {
    expect(redact('anna.lind@skola.example.se in 19:x@thread.v2')).toBe('[email] in 19:x@thread.v2');
  });
});
