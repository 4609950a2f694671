import { describe, expect, it } from 'vitest';
import { parseCommand } from './commands';

describe('parseCommand', () => {
  it.each([
    'mina åtgärder', 'Mina åtgärder!', '<at>Kvalitetshjulet</at> mina åtgärder', 'Visa mina uppgifter', 'vad ska jag göra?',
    'my actions', 'Show my tasks', 'What do I do next', 'åtgärder',
  ])('understands "%s" as my actions', (text) => {
    expect(parseCommand(text)).toEqual({ kind: 'myActions' });
  });

  it.each(['hjälp', 'Help', '?', 'Hej', 'vad kan du göra', 'what can you do', 'jag behöver hjälp'])('understands "%s" as help', (text) => {
    expect(parseCommand(text)).toEqual({ kind: 'help' });
  });

  it.each(['', '   ', 'banan', 'delete everything', undefined])('answers "%s" as unknown, never silently', (text) => {
    expect(parseCommand(text).kind).toBe('unknown');
  });
});
