/**
 * A public statement as data: headings, paragraphs and lists of text with links. The statements
 * are documents a municipality publishes, so each language's text is written out in full; the
 * page renders it (page.ts) and escapes everything it takes from here.
 */
import type { ControllerConfig } from '../config';
import type { Language } from '../domain';

/** Text, or a link inside text. */
export type Inline = string | { readonly text: string; readonly href: string };
export type Text = string | readonly Inline[];

export type Block =
  | { readonly p: Text }
  | { readonly list: readonly Text[] };

export interface Section {
  readonly heading: string;
  readonly blocks: readonly Block[];
}

export interface Statement {
  readonly title: string;
  /** one sentence under the title */
  readonly lead: Text;
  readonly sections: readonly Section[];
}

/** What a statement's text is written from: who the controller is, and the other statements' addresses. */
export interface StatementContext {
  readonly controller: ControllerConfig;
  readonly lang: Language;
}

/** When the statements were last reviewed against what the app does (ISO date). */
export const reviewedOn = '2026-12-01';

export const mail = (address: string): Inline => ({ text: address, href: `mailto:${address}` });
export const link = (text: string, href: string): Inline => ({ text, href });
