import { describe, expect, it } from 'vitest';
import { parseCommand } from './commands';

describe('parseCommand', () => {
  it.each(['mina åtgärder', 'Mina åtgärder!', '<at>Kvalitetshjulet</at> mina åtgärder', 'Visa mina uppgifter', 'vad ska jag göra?', 'åtgärder'])(
    'understands "%s" as my actions, in Swedish',
    (text) => {
      expect(parseCommand(text)).toEqual({ kind: 'myActions', lang: 'sv' });
    },
  );

  it.each(['my actions', 'Show my tasks', 'What do I do next'])('understands "%s" as my actions, in English', (text) => {
    expect(parseCommand(text)).toEqual({ kind: 'myActions', lang: 'en' });
  });

  it.each([
    ['hjälp', 'sv'], ['Help', 'en'], ['Hej', 'sv'], ['vad kan du göra', 'sv'], ['what can you do', 'en'], ['jag behöver hjälp', 'sv'],
  ])('understands "%s" as help, answered in its language', (text, lang) => {
    expect(parseCommand(text)).toEqual({ kind: 'help', lang });
  });

  it('leaves the language of "?" to the locale', () => {
    expect(parseCommand('?')).toEqual({ kind: 'help' });
  });

  it.each(['', '   ', 'banan', 'delete everything', undefined])('answers "%s" as unknown, never silently', (text) => {
    expect(parseCommand(text).kind).toBe('unknown');
  });
});
