/** Small builders over the docx package, so the report reads as its outline. */
import { BorderStyle, HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

export function heading(text: string, level: 1 | 2 | 3): Paragraph {
  const levels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
  return new Paragraph({ text, heading: levels[level], spacing: { before: level === 1 ? 360 : 240, after: 120 } });
}

/** Free text as paragraphs: one per line the author wrote. */
export function prose(text: string | undefined, empty = 'Inte ifyllt.'): Paragraph[] {
  const lines = (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length === 0) return [new Paragraph({ children: [new TextRun({ text: empty, italics: true })] })];
  return lines.map((line) => new Paragraph({ text: line, spacing: { after: 120 } }));
}

export function bullets(items: readonly string[], empty = 'Inga angivna.'): Paragraph[] {
  if (items.length === 0) return [new Paragraph({ children: [new TextRun({ text: empty, italics: true })] })];
  return items.map((text) => new Paragraph({ text, bullet: { level: 0 } }));
}

export function labelled(label: string, value: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };

/** A full-width table with a bold header row. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): Table {
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })], borders: { top: border, bottom: border, left: border, right: border } });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((row) => new TableRow({ children: row.map((text) => cell(text)) })),
    ],
  });
}
