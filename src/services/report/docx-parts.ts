/** Small builders over the docx package, so each report reads as its outline. */
import {
  BorderStyle, Document, HeadingLevel, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType, type FileChild,
} from 'docx';
import type { Language } from '../../domain';

/** The page's margins, 2 cm, and its text width, in twentieths of a point: A4 is 11 906 wide. */
const margin = 1_134;
const textWidth = 11_906 - 2 * margin;
/** Table text is 10 pt, so one em is 200 twentieths of a point; a cell's margins and borders take 240. */
const tableFontSize = 20;
const em = 200;
const cellPadding = 240;

/**
 * About how wide a character is, in ems: measured on the wider of Calibri and DejaVu Sans (what
 * LibreOffice draws Calibri with where it is not installed), so a word that fits one fits both.
 */
function charEms(char: string): number {
  if (/[iljtfr.,:;'()I|!\s]/.test(char)) return 0.36;
  if (/[mwMW%@]/.test(char)) return 0.95;
  if (/[0-9]/.test(char)) return 0.64;
  if (char !== char.toLocaleLowerCase('sv-SE')) return 0.76;
  return 0.64;
}

/** The width of a text that must stay on one line, in twentieths of a point. */
function textTwips(text: string, bold: boolean): number {
  let ems = 0;
  for (const char of text) ems += charEms(char);
  return Math.ceil(ems * em * (bold ? 1.16 : 1));
}

export type HeadingDepth = 1 | 2 | 3 | 4;

/** A heading in the heading style (a screen reader's outline), kept on the page of what follows it. */
export function heading(text: string, level: HeadingDepth): Paragraph {
  const levels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3, 4: HeadingLevel.HEADING_4 } as const;
  return new Paragraph({ text, heading: levels[level], keepNext: true, keepLines: true, spacing: { before: level === 1 ? 360 : 240, after: 120 } });
}

/** Free text as paragraphs: one per line the author wrote. */
export function prose(text: string | undefined, empty: string): Paragraph[] {
  const lines = (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length === 0) return [note(empty)];
  return lines.map((line) => new Paragraph({ text: line, spacing: { after: 120 } }));
}

/** A remark in italics: what is missing, or a question's wording. */
export function note(text: string, keepNext = false): Paragraph {
  return new Paragraph({ children: [new TextRun({ text, italics: true })], keepNext, spacing: { after: 120 } });
}

export function bullets(items: readonly string[], empty: string): Paragraph[] {
  if (items.length === 0) return [note(empty)];
  return items.map((text) => new Paragraph({ text, bullet: { level: 0 } }));
}

/** "Label: value", the label in bold; kept with the next paragraph when it introduces it. */
export function labelled(label: string, value: string, keepNext = false): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)], keepNext });
}

/** The parts a line may break between: at spaces (a no-break space, between a number and its unit, holds). */
const unbreakable = (text: string) => text.split(/[ \t\n]+/);
const widest = (text: string, bold: boolean) => Math.max(0, ...unbreakable(text).map((part) => textTwips(part, bold)));

/**
 * Column widths from the content: every column at least as wide as its widest word (so no word
 * breaks inside a cell: "Uppföljning", "kränkningar", "235 poäng"), the room left shared by how much
 * text each column holds. Only when the widest words of all columns do not fit do they shrink, evenly.
 */
export function columnWidths(header: readonly string[], rows: readonly (readonly string[])[]): number[] {
  const least = header.map((h, i) => cellPadding + Math.max(widest(h, true), ...rows.map((row) => widest(row[i] ?? '', false))));
  const wanted = header.map((h, i) => Math.max(least[i] ?? 0, cellPadding + Math.max(textTwips(h, true), ...rows.map((row) => textTwips(row[i] ?? '', false)))));
  const leastSum = least.reduce((a, b) => a + b, 0);
  if (leastSum >= textWidth) return least.map((w) => Math.floor((w * textWidth) / leastSum));
  const extra = wanted.map((w, i) => w - (least[i] ?? 0));
  const extraSum = extra.reduce((a, b) => a + b, 0);
  const room = textWidth - leastSum;
  return least.map((w, i) => Math.floor(w + (extraSum === 0 ? room / least.length : ((extra[i] ?? 0) * Math.min(room, extraSum)) / extraSum)));
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };

/** A table with a bold header row repeated on each page, its columns sized to their content; rows never split across pages. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): Table {
  const widths = columnWidths(header, rows);
  const cell = (text: string, column: number, bold = false) => new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold, size: tableFontSize })] })],
    width: { size: widths[column] ?? 0, type: WidthType.DXA },
    borders: { top: border, bottom: border, left: border, right: border },
  });
  return new Table({
    layout: TableLayoutType.FIXED,
    columnWidths: widths,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell(h, i, true)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, i)) })),
    ],
  });
}

const locales: Readonly<Record<Language, string>> = { sv: 'sv-SE', en: 'en-GB' };

/** A report as a Word document: its title and language set (read aloud in the right language), Calibri 11 pt. */
export function reportDocument(title: string, language: Language, children: readonly FileChild[]): Document {
  return new Document({
    creator: 'Kvalitetshjulet',
    title,
    description: title,
    styles: { default: { document: { run: { font: 'Calibri', size: 22, language: { value: locales[language] } } } } },
    sections: [{
      properties: { page: { margin: { top: margin, bottom: margin, left: margin, right: margin } } },
      children: [new Paragraph({ text: title, heading: HeadingLevel.TITLE, keepNext: true }), ...children],
    }],
  });
}
