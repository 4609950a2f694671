/**
 * The organizer's level: the roll-up (the board gets its staff-free view), result imports with a
 * preview and a commit that runs as a background job (followed by its GET), and the quality report.
 */
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { ImportJob, ImportJobList, ImportPreview as PreviewAnswer, ImportRejectedProblem, Problem, Rollup } from '../../contract';
import { IndicatorSchema, schoolYear, type SchoolYear } from '../../domain';
import { KoladaUnavailableError } from '../../services/import/kolada-api';
import { ImportBusyError, ImportRejectedError } from '../../services/import/import-service';
import type { ImportFile } from '../../services/import/source';
import { importKinds, type ImportPreview } from '../../services/import/types';
import type { Services } from '../../services';
import { isBoardOnly } from '../board';
import { presentImportJob, presentPreview, presentSummary, previewLimit } from '../presenters/imports';
import { presentRollup } from '../presenters/rollup';
import { problem, problemContentType, type ApiProblem } from '../problems';
import { sendJson } from '../reply';
import { callerOf, itemParam, type RouteDeps, type RouteTable } from '../route';
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
  if (size > importFileLimit) throw problem('payloadTooLarge', { field: body.file === undefined ? 'csv' : 'file', detail: { sv: 'Filen är större än 5 MB.', en: 'The file is larger than 5 MB.' } });
  return file;
}

/** A problem from the catalogue with extension members (RFC 9457 allows them): the rows in error. */
function sendRejected(res: Response, error: ApiProblem, extra: Omit<ImportRejectedProblem, keyof Problem>): void {
  res.status(error.status);
  res.setHeader('Content-Type', `${problemContentType}; charset=utf-8`);
  res.setHeader('Cache-Control', 'no-store');
  res.send(JSON.stringify({ ...error.toBody(), ...extra }));
}

function rejected(preview: ImportPreview, field: ReturnType<typeof sourceField>): ApiProblem {
  const first = preview.errors[0];
  return problem('invalidBody', {
    field,
    detail: `Filen har ${preview.errors.length} fel${first ? `; det första på rad ${first.line} (${first.field}): ${first.message}` : ''}. Inget sparades.`,
  });
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
   * Commits an import: a file with any error is refused whole (400, the rows in error), nothing
   * stored; one while another import is queued or running is refused (409, that import as
   * `current`). Otherwise the rows are stored as a job and the answer is 202 with the job at its
   * Location: the worker writes them in the background, at the import's budget.
   */
  routes.add('post', '/organizer/imports', 'organizer.edit', async (req, res) => {
    const body = parseBody(ImportBody, req.body);
    try {
      const job = await organizer.imports.commitImport(await importFile(body, organizer.imports), body.kind, {
        actor: callerOf(res).userId,
        ...(body.period !== undefined ? { period: body.period } : {}),
      });
      res.setHeader('Location', `/api/organizer/imports/${encodeURIComponent(job.id)}`);
      sendJson<ImportJob>(res, presentImportJob(job), { status: 202 });
    } catch (error) {
      if (error instanceof ImportBusyError) throw problem('conflict', { detail: { sv: 'En import pågår redan: vänta tills den är klar och förhandsgranska filen igen.', en: 'An import is already running: wait until it is done and preview the file again.' }, current: presentImportJob(error.running) });
      if (!(error instanceof ImportRejectedError)) throw error;
      sendRejected(res, rejected(error.preview, sourceField(body)), { errors: error.preview.errors.slice(0, previewLimit), summary: presentSummary(error.preview.summary) });
    }
  }, { bodyLimitBytes: importBodyLimit });

  /** The latest imports, newest first: what runs now and what ran, even after the page was closed. */
  routes.add('get', '/organizer/imports', 'organizer.edit', async (_req, res) => {
    sendJson<ImportJobList>(res, { items: (await organizer.imports.recentImports()).map(presentImportJob) });
  });

  /** One import's job: its state, rows written of the total, started, estimated end, failure in words. */
  routes.add('get', '/organizer/imports/:id', 'organizer.edit', async (req, res) => {
    sendJson<ImportJob>(res, presentImportJob(await organizer.imports.importJob(itemParam(req))));
  });

  routes.add('get', '/organizer/report.docx', 'organizer.read', async (req, res) => {
    const year = yearOf(req);
    const buffer = await organizer.reports.qualityReport(year, isBoardOnly(callerOf(res)) ? { boardSafe: true } : {});
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    res.setHeader('Content-Disposition', `attachment; filename="kvalitetsrapport-${year.replace('/', '-')}.docx"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(buffer);
  });
}
