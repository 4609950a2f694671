/**
 * Understands what someone wrote to the bot. Only two things are commands; everything else gets
 * the help card, so a user never meets silence.
 */
export type Command =
  | { kind: 'myActions'; lang: 'sv' | 'en' }
  | { kind: 'help'; lang?: 'sv' | 'en' }
  | { kind: 'unknown'; text: string };

const myActionsSv = [
  /\bmina\s+(öppna\s+)?(åtgärder|atgarder|uppgifter|insatser)\b/,
  /\bvad\s+(ska|behöver|måste)\s+jag\s+göra\b/,
  /\b(visa|lista)\s+(mina\s+)?(åtgärder|uppgifter)\b/,
  /^(åtgärder|atgarder|uppgifter)$/,
];

const myActionsEn = [
  /\bmy\s+(open\s+)?(actions|tasks|to-?dos)\b/,
  /\bwhat\s+(do|should|must)\s+i\s+do\b/,
  /\b(show|list)\s+(my\s+)?(actions|tasks)\b/,
  /^(actions|tasks)$/,
];

const help = [
  /^(hjälp|hjalp|help|\?|hej|hallå|hello|hi|hey|start|meny|menu)$/,
  /\b(vad\s+kan\s+du|hur\s+funkar|hur\s+fungerar|what\s+can\s+you|how\s+does\s+this)\b/,
  /\b(hjälp|help)\b/,
];
const helpEn = /\b(help|hello|hi|hey|menu|what\s+can\s+you|how\s+does\s+this)\b/;
const helpSv = /(hjälp|hjalp|hej|hallå|meny|vad\s+kan\s+du|hur\s+funkar|hur\s+fungerar)/;

/** Removes Teams' `<at>Bot</at>` mention markup and other tags, and normalizes case and spacing. */
export function normalize(raw: string): string {
  return raw
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .toLowerCase()
    .replace(/[!.,;:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function parseCommand(raw: string | undefined): Command {
  const text = normalize(raw ?? '');
  // The language someone writes in is the language they are answered in; the locale decides otherwise.
  if (myActionsSv.some((r) => r.test(text))) return { kind: 'myActions', lang: 'sv' };
  if (myActionsEn.some((r) => r.test(text))) return { kind: 'myActions', lang: 'en' };
  if (help.some((r) => r.test(text))) {
    const lang = helpSv.test(text) ? 'sv' : helpEn.test(text) ? 'en' : undefined;
    return lang ? { kind: 'help', lang } : { kind: 'help' };
  }
  return { kind: 'unknown', text };
}
