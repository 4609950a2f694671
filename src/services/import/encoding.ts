/**
 * Which encoding a text file was saved in. Swedish Excel saves "CSV (semikolonavgränsad)" in
 * Windows-1252, other tools in UTF-8 (with or without a byte order mark). A UTF-8 BOM decides; else
 * bytes that are valid UTF-8 are UTF-8 (ASCII is both); any byte sequence invalid as UTF-8 means
 * Windows-1252, where every byte is a character (å ä ö are single bytes 0xE5 0xE4 0xF6 there).
 */
export const textEncodings = ['utf-8', 'utf-8-bom', 'windows-1252'] as const;
export type TextEncoding = (typeof textEncodings)[number];

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncoding;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const windows1252 = new TextDecoder('windows-1252');

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: windows1252.decode(bytes), encoding: 'windows-1252' };
  }
}
