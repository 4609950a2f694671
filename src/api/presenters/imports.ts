import type { ImportJob, ImportPreview, ImportSummary } from '../../contract';
import type { ImportJobView } from '../../services/import/import-job';
import type { ImportPreview as Preview, ImportSummary as Summary } from '../../services/import/types';

/** At most this many rows and errors go back to the tab; `summary` counts them all. */
export const previewLimit = 1_000;

/** `POST /organizer/imports/preview`: a 5 MB file holds ~100,000 rows, so the first ones and the counts. */
export function presentPreview(preview: Preview): ImportPreview {
  return {
    rows: preview.rows.slice(0, previewLimit),
    errors: preview.errors.slice(0, previewLimit),
    summary: presentSummary(preview.summary),
    truncated: preview.rows.length > previewLimit || preview.errors.length > previewLimit,
  };
}

/** `POST /organizer/imports` (202) and `GET /organizer/imports/:id`: the import's job. */
export function presentImportJob(job: ImportJobView): ImportJob {
  return { ...job };
}

/** The summary with at most `previewLimit` notes: a large Skolverket file has one per hidden value. */
export function presentSummary(summary: Summary): ImportSummary {
  return { ...summary, notes: summary.notes.slice(0, previewLimit) };
}
