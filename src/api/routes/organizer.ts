/**
 * The organizer's level: the roll-up (the board gets its staff-free view), result imports with a
 * preview and an all-or-nothing commit that can stream its progress, and the quality report.
 */
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { ImportEvents, ImportFailedProblem, ImportPreview as PreviewAnswer, ImportRejectedProblem, ImportResult, Problem, Rollup } from '../../contract';
import { IndicatorSchema, schoolYear, type SchoolYear } from '../../domain';
import { KoladaUnavailableError } from '../../services/import/kolada-api';
import { ImportFailedError, ImportRejectedError } from '../../services/import/import-service';
import type { ImportFile } from '../../services/import/source';
import { importKinds, type ImportPreview } from '../../services/import/types';
import { ConflictError } from '../../store/errors';
import type { Services } from '../../services';
import { isBoardOnly } from '../board';
import { presentCommit, presentPreview, presentSummary, previewLimit } from '../presenters/imports';
import { presentRollup } from '../presenters/rollup';
import { problem, problemContentType, type ApiProblem } from '../problems';
import { sendJson } from '../reply';
import { callerOf, type RouteDeps, type RouteTable } from '../route';
import { parseBody, parseQuery } from '../validate';

/** An imported file: up to 5 MB. */
export const importFileLimit = 5 * 1024 * 1024;
/** Import bodies carry a whole file, in base64 (4 characters for 3 bytes): 100 kB everywhere else. */
export const importBodyLimit = Math.ceil(importFileLimit / 3) * 4 + 64 * 1024;

const RollupQuery = z.object({ schoolYear: schoolYear.optional() });
/**
 * An import: `file`, the uploaded file's bytes in base64 (the server finds the format and the text
 * encoding: a browser that reads a Windows-1252 file as text has already lost its å, ä and ö), or
 * `csv`, a pasted text.
 */
const ImportBody = z.strictObject({
  kind: z.enum(importKinds),
  // the body limit bounds both; importFile says when the file itself passes 5 MB
  csv: z.string().min(1).optional(),
  file: z.base64('Filen ska skickas som base64').min(1).optional(),
  /** fetch a KPI for the units from Kolada's open API (Microsoft 365 mode): Kolada's year, e.g. 2025 */
  kolada: z.strictObject({ kpi: IndicatorSchema.shape.koladaKpi.unwrap(), year: z.number().int().min(1990).max(2100) }).optional(),
  /** Skolverket files without a Läsår column: the school year ("2024/25") or year ("2025") */
  period: z.string().min(4).max(20).optional(),
}).refine((body) => [body.csv, body.file, body.kolada].filter((source) => source !== undefined).length === 1, {
  message: 'Skicka en av filen (file), texten (csv) eller vad som ska hämtas från Kolada (kolada)', path: ['file'],
});
type ImportBodyShape = z.output<typeof ImportBody>;

/** The body's field the file came in, for problems. */
const sourceField = (body: ImportBodyShape): 'file' | 'csv' | 'kolada' => body.file !== undefined ? 'file' : body.kolada !== undefined ? 'kolada' : 'csv';

/** The body's file as the import service reads it; Kolada's answers fetched, where asked for. */
async function importFile(body: ImportBodyShape, imports: Services['imports']): Promise<ImportFile> {
  if (body.kolada !== undefined) {
    try {
      return await imports.fetchKolada(body.kolada);
    } catch (error) {
      if (error instanceof KoladaUnavailableError) throw problem('unavailable', { field: 'kolada', detail: error.message });
      throw error;
    }
  }
  const file: ImportFile = body.file === undefined ? { text: body.csv ?? '' } : { bytes: Buffer.from(body.file, 'base64') };
  const size = 'bytes' in file ? file.bytes.byteLength : Buffer.byteLength(file.text);
  if (size > importFileLimit) throw problem('payloadTooLarge', { field: body.file === undefined ? 'csv' : 'file', detail: 'Filen är större än 5 MB' });
  return file;
}

/** What an import's problem adds to the catalogue's problem: the rows in error, or what was left behind. */
type ImportProblemExtra = Omit<ImportRejectedProblem, keyof Problem> | Omit<ImportFailedProblem, keyof Problem>;

/** A problem from the catalogue with extension members (RFC 9457 allows them), e.g. the rows in error. */
function sendProblemWith(res: Response, error: ApiProblem, extra: ImportProblemExtra): void {
  res.status(error.status);
  res.setHeader('Content-Type', `${problemContentType}; charset=utf-8`);
  res.setHeader('Cache-Control', 'no-store');
  res.send(JSON.stringify({ ...error.toBody(), ...extra }));
}

function rejected(preview: ImportPreview, field: ReturnType<typeof sourceField>): { problem: ApiProblem; extra: ImportProblemExtra } {
  const first = preview.errors[0];
  return {
    problem: problem('invalidBody', {
      field,
      detail: `Filen har ${preview.errors.length} fel${first ? `; det första på rad ${first.line} (${first.field}): ${first.message}` : ''}. Inget sparades.`,
    }),
    extra: { errors: preview.errors.slice(0, previewLimit), summary: presentSummary(preview.summary) },
  };
}

function failed(error: ImportFailedError): { problem: ApiProblem; extra: ImportProblemExtra } {
  const detail = error.leftBehind.length === 0
    ? 'Importen avbröts och det som hann sparas togs bort igen. Försök igen.'
    : `Importen avbröts; ${error.leftBehind.length} resultat kunde inte tas bort igen.`;
  return {
    problem: error.reason instanceof ConflictError ? problem('conflict', { detail }) : problem('unavailable', { detail }),
    extra: { leftBehind: error.leftBehind },
  };
}

function wantsEvents(req: Request): boolean {
  return (req.get('accept') ?? '').includes('text/event-stream');
}

/** `event: <name>` with one JSON data line, as EventSource and fetch readers expect. */
function writeEvent<E extends keyof ImportEvents>(res: Response, name: E, data: ImportEvents[E]): void {
  res.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
}

export function organizerRoutes(routes: RouteTable, deps: RouteDeps): void {
  const organizer = deps.services;
  const yearOf = (req: Request): SchoolYear => parseQuery(RollupQuery, req.query).schoolYear ?? organizer.rollups.currentSchoolYear();

  routes.add('get', '/organizer/rollup', 'organizer.read', async (req, res) => {
    const year = yearOf(req);
    const rollup = isBoardOnly(callerOf(res)) ? await organizer.rollups.boardRollup(year) : await organizer.rollups.rollup(year);
    sendJson<Rollup>(res, presentRollup(rollup));
  });

  routes.add('post', '/organizer/imports/preview', 'organizer.edit', async (req, res) => {
    const body = parseBody(ImportBody, req.body);
    const preview = await organizer.imports.previewImport(await importFile(body, organizer.imports), body.kind, body.period !== undefined ? { period: body.period } : {});
    sendJson<PreviewAnswer>(res, presentPreview(preview));
  }, { bodyLimitBytes: importBodyLimit });

  /**
   * Commits an import. With `Accept: text/event-stream` the answer streams `progress` events
   * ({ done, total }) and ends with a `result` or a `problem` event; a file with errors is refused
   * before the stream starts, as a 400 problem listing the rows. Otherwise one JSON answer.
   */
  routes.add('post', '/organizer/imports', 'organizer.edit', async (req, res) => {
    const body = parseBody(ImportBody, req.body);
    const caller = callerOf(res);
    const streaming = wantsEvents(req);
    let started = false;
    const start = (): void => {
      if (started) return;
      started = true;
      res.status(200);
      res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('X-Accel-Buffering', 'no');
      res.flushHeaders();
    };
    try {
      const result = await organizer.imports.commitImport(await importFile(body, organizer.imports), body.kind, {
        actor: caller.userId,
        ...(body.period !== undefined ? { period: body.period } : {}),
        ...(streaming ? { onProgress: (done: number, total: number) => { start(); writeEvent(res, 'progress', { done, total }); } } : {}),
      });
      if (!streaming) {
        sendJson<ImportResult>(res, presentCommit(result));
        return;
      }
      start();
      writeEvent(res, 'result', presentCommit(result));
      res.end();
    } catch (error) {
      const answer = error instanceof ImportRejectedError ? rejected(error.preview, sourceField(body)) : error instanceof ImportFailedError ? failed(error) : undefined;
      if (!started) {
        if (!answer) throw error;
        sendProblemWith(res, answer.problem, answer.extra);
        return;
      }
      const fallback = problem('internal');
      writeEvent(res, 'problem', answer ? { ...answer.problem.toBody(), ...answer.extra } : fallback.toBody());
      res.end();
    }
  }, { bodyLimitBytes: importBodyLimit });

  routes.add('get', '/organizer/report.docx', 'organizer.read', async (req, res) => {
    const year = yearOf(req);
    const buffer = await organizer.reports.qualityReport(year, isBoardOnly(callerOf(res)) ? { boardSafe: true } : {});
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    res.setHeader('Content-Disposition', `attachment; filename="kvalitetsrapport-${year.replace('/', '-')}.docx"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(buffer);
  });
}
