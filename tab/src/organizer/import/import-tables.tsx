import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles } from '@fluentui/react-components';
import { formatNumber } from '../rollup/chart-scale';
import { useOrganizerText } from '../organizer-i18n';
import type { ImportError, ImportRow } from '../../../../src/contract';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto', maxHeight: '420px', overflowY: 'auto' },
});

/** At most this many preview rows are drawn; the summary counts them all. */
export const rowsShown = 200;

/** Every error with its line in the file, so the file can be fixed where it is wrong. */
export function ErrorTable({ errors, caption }: { errors: readonly ImportError[]; caption: string }) {
  const styles = useStyles();
  const { t } = useOrganizerText();
  return (
    <div className={styles.wrap} tabIndex={0} role="region" aria-label={caption}>
      <Table size="small" data-testid="import-errors">
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('importLine')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('importErrorField')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('importErrorMessage')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {errors.map((error, i) => (
            <TableRow key={`${error.line}-${error.field}-${i}`}>
              <TableCell>{t('importErrorLine', { line: error.line })}</TableCell>
              <TableCell>{error.field}</TableCell>
              <TableCell>{error.message}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** The rows that would be saved, each with what committing would do to it. */
export function RowTable({ rows, caption }: { rows: readonly ImportRow[]; caption: string }) {
  const styles = useStyles();
  const { t, language } = useOrganizerText();
  const change = (row: ImportRow) => row.change === 'create' ? t('changeCreate')
    : row.change === 'update' ? t('changeUpdate', { previous: formatNumber(row.previousValue, language) }) : t('changeUnchanged');
  return (
    <div className={styles.wrap} tabIndex={0} role="region" aria-label={caption}>
      <Table size="small" data-testid="import-rows">
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('importLine')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('unit')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('importIndicator')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('importPeriodColumn')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('importValue')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('importChange')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.slice(0, rowsShown).map((row, i) => (
            <TableRow key={`${row.line}-${i}`}>
              <TableCell>{row.line}</TableCell>
              <TableCell>{row.unitName}</TableCell>
              <TableCell>{row.indicatorName}</TableCell>
              <TableCell>{row.period}</TableCell>
              <TableCell>{formatNumber(row.value, language)}</TableCell>
              <TableCell>{change(row)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
