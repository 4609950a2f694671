/**
 * Renders a statement as a complete, accessible HTML page that needs no script: the document's
 * language, a skip link, header with the three statements and the other language, one main with
 * one h1, sections under h2, and a footer naming the controller. The style follows the system's
 * light or dark scheme and gives way to forced colours (high contrast).
 */
import type { ControllerConfig } from '../config';
import { statementHref, statementKeys, statementNames, statementsMenuName, type Language, type StatementKey } from '../domain';
import type { Block, Statement, Text } from './document';

const chrome: Readonly<Record<Language, { skip: string; other: string }>> = {
  sv: { skip: 'Hoppa till innehållet', other: 'In English' },
  en: { skip: 'Skip to content', other: 'På svenska' },
};

const escapes: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (value: string): string => value.replace(/[&<>"']/g, (c) => escapes[c] ?? c);

function inline(text: Text): string {
  if (typeof text === 'string') return escape(text);
  return text.map((part) => (typeof part === 'string' ? escape(part) : `<a href="${escape(part.href)}">${escape(part.text)}</a>`)).join('');
}

function block(b: Block): string {
  if ('p' in b) return `<p>${inline(b.p)}</p>`;
  return `<ul>${b.list.map((item) => `<li>${inline(item)}</li>`).join('')}</ul>`;
}

const style = `
:root { color-scheme: light dark; --text: #1b1b1b; --page: #ffffff; --link: #1f6f5c; --rule: #8a8a8a; }
@media (prefers-color-scheme: dark) { :root { --text: #f2f2f2; --page: #1b1b1b; --link: #8fdcc6; --rule: #8a8a8a; } }
* { box-sizing: border-box; }
body { margin: 0; color: var(--text); background: var(--page); font: 1rem/1.6 "Segoe UI", system-ui, sans-serif; overflow-wrap: break-word; }
header, main, footer { max-width: 46rem; margin: 0 auto; padding: 1rem 1.25rem; }
header { border-bottom: 1px solid var(--rule); }
footer { border-top: 1px solid var(--rule); margin-top: 2rem; }
.app { margin: 0 0 .5rem; font-weight: 600; font-size: 1.125rem; }
nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; }
a { color: var(--link); text-decoration: underline; text-underline-offset: .15em; }
a[aria-current="page"] { color: var(--text); font-weight: 600; text-decoration: none; }
a:focus-visible { outline: 3px solid var(--text); outline-offset: 2px; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 1rem 0; }
h2 { font-size: 1.25rem; line-height: 1.3; margin: 2rem 0 .5rem; }
.lead { font-size: 1.125rem; }
.skip { position: absolute; left: -100vw; }
.skip:focus { position: static; display: inline-block; margin: .5rem 1.25rem 0; }
@media (forced-colors: active) { a { color: LinkText; } a[aria-current="page"] { color: CanvasText; } header, footer { border-color: CanvasText; } }
`;

export interface PageInput {
  readonly key: StatementKey;
  readonly lang: Language;
  readonly statement: Statement;
  readonly controller: ControllerConfig;
}

/** The whole page; every piece of text in it is escaped. */
export function renderStatementPage({ key, lang, statement, controller }: PageInput): string {
  const words = chrome[lang];
  const other: Language = lang === 'sv' ? 'en' : 'sv';
  const nav = statementKeys
    .map((k) => `<li><a href="${statementHref(k, lang)}"${k === key ? ' aria-current="page"' : ''}>${escape(statementNames[k][lang])}</a></li>`)
    .join('');
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escape(statement.title)} – Kvalitetshjulet</title>`,
    '<link rel="icon" href="/favicon.svg" type="image/svg+xml">',
    `<link rel="alternate" hreflang="${other}" href="${statementHref(key, other)}">`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    `<a class="skip" href="#main">${escape(words.skip)}</a>`,
    '<header>',
    '<p class="app">Kvalitetshjulet</p>',
    `<nav aria-label="${escape(statementsMenuName[lang])}"><ul>${nav}<li><a href="${statementHref(key, other)}" lang="${other}" hreflang="${other}">${escape(words.other)}</a></li></ul></nav>`,
    '</header>',
    '<main id="main">',
    `<h1>${escape(statement.title)}</h1>`,
    `<p class="lead">${inline(statement.lead)}</p>`,
    ...statement.sections.map((section) => `<section><h2>${escape(section.heading)}</h2>${section.blocks.map(block).join('')}</section>`),
    '</main>',
    '<footer>',
    `<p>${escape(controller.name)} · <a href="mailto:${escape(controller.email)}">${escape(controller.email)}</a></p>`,
    '</footer>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
