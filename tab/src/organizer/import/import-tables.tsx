import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles } from '@fluentui/react-components';
import { useI18n } from '../../i18n/i18n';
import type { ImportError, ImportJob, ImportMapping, ImportNote, ImportRow } from '../../../../src/contract';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto', maxHeight: '420px', overflowY: 'auto' },
});

/** At most this many preview rows are drawn; the summary counts them all. */
export const rowsShown = 200;

/** Rows of the file by their line: the errors to fix, or what the reader noted. */
function LineTable<T extends { line: number }>({ items, caption, testId, columns }: {
  items: readonly T[]; caption: string; testId: string; columns: readonly { header: string; cell: (item: T) => string }[];
}) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <div className={styles.wrap} tabIndex={0} role="region" aria-label={caption}>
      <Table size="small" data-testid={testId}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('organizer.importLine')}</TableHeaderCell>
            {columns.map((c) => <TableHeaderCell key={c.header} scope="col">{c.header}</TableHeaderCell>)}
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((item, i) => (
            <TableRow key={`${item.line}-${i}`}>
              <TableCell>{t('organizer.importErrorLine', { line: item.line })}</TableCell>
              {columns.map((c) => <TableCell key={c.header}>{c.cell(item)}</TableCell>)}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** Every error with its line in the file, so the file can be fixed where it is wrong. */
export function ErrorTable({ errors, caption }: { errors: readonly ImportError[]; caption: string }) {
  const { t } = useI18n();
  return (
    <LineTable items={errors} caption={caption} testId="import-errors"
      columns={[{ header: t('organizer.importErrorField'), cell: (e) => e.field }, { header: t('organizer.importErrorMessage'), cell: (e) => e.message }]} />
  );
}

/** What the reader skipped and why (hidden values, totals and note lines), by line. */
export function NoteTable({ notes, caption }: { notes: readonly ImportNote[]; caption: string }) {
  const { t } = useI18n();
  return (
    <details data-testid="import-notes">
      <summary>{caption}</summary>
      <LineTable items={notes} caption={caption} testId="import-note-rows" columns={[{ header: t('organizer.importNote'), cell: (n) => n.message }]} />
    </details>
  );
}

/** How the file's own words were read: its periods, gender codes and columns. */
export function MappingList({ mappings }: { mappings: readonly ImportMapping[] }) {
  const { t } = useI18n();
  const label = { period: t('common.period'), group: t('organizer.importMapGroup'), column: t('organizer.importErrorField') };
  return (
    <ul aria-label={t('organizer.importMappings')} data-testid="import-mappings">
      {mappings.map((m) => <li key={`${m.kind}|${m.from}`}>{t('organizer.importMapping', { kind: label[m.kind], from: m.from, to: m.to })}</li>)}
    </ul>
  );
}

/** The rows that would be saved, each with what committing would do to it. */
export function RowTable({ rows, caption }: { rows: readonly ImportRow[]; caption: string }) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const change = (row: ImportRow) => row.change === 'create' ? t('organizer.changeCreate')
    : row.change === 'update' ? t('organizer.changeUpdate', { previous: format.number(row.previousValue, 1) }) : t('organizer.changeUnchanged');
  return (
    <div className={styles.wrap} tabIndex={0} role="region" aria-label={caption}>
      <Table size="small" data-testid="import-rows">
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('organizer.importLine')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('common.unit')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('common.indicator')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('common.period')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('common.value')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('organizer.importChange')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.slice(0, rowsShown).map((row, i) => (
            <TableRow key={`${row.line}-${i}`}>
              <TableCell>{row.line}</TableCell>
              <TableCell>{row.unitName}</TableCell>
              <TableCell>{row.indicatorName}</TableCell>
              <TableCell>{row.period}</TableCell>
              <TableCell>{format.number(row.value, 1)}</TableCell>
              <TableCell>{change(row)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

const stateKey = {
  queued: 'organizer.importStateQueued',
  // the domain's words for work under way and work done
  running: 'vocab.phaseState.inProgress',
  done: 'vocab.phaseState.done',
  failed: 'organizer.importStateFailed',
} as const;

/** The latest imports: state, when each started, rows written of the total, when it ends or ended. */
export function ImportJobTable({ jobs, caption }: { jobs: readonly ImportJob[]; caption: string }) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const when = (value: string | undefined) => (value ? `${format.date(value)} ${format.time(value)}` : '');
  return (
    <div className={styles.wrap} tabIndex={0} role="region" aria-label={caption}>
      <Table size="small" data-testid="import-jobs">
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('organizer.importJobState')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('organizer.importJobStarted')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('organizer.importJobRows')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('organizer.importJobEnd')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {jobs.map((job) => (
            <TableRow key={job.id}>
              <TableCell>{t(stateKey[job.state])}{job.failure ? `: ${job.failure}` : ''}</TableCell>
              <TableCell>{when(job.startedAt ?? job.queuedAt)}</TableCell>
              <TableCell>{`${format.number(job.written)} / ${format.number(job.total)}`}</TableCell>
              <TableCell>{when(job.finishedAt ?? job.estimatedEnd)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
