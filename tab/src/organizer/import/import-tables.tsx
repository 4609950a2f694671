import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles } from '@fluentui/react-components';
import { useI18n } from '../../i18n/i18n';
import type { ImportError, ImportRow } from '../../../../src/contract';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto', maxHeight: '420px', overflowY: 'auto' },
});

/** At most this many preview rows are drawn; the summary counts them all. */
export const rowsShown = 200;

/** Every error with its line in the file, so the file can be fixed where it is wrong. */
export function ErrorTable({ errors, caption }: { errors: readonly ImportError[]; caption: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <div className={styles.wrap} tabIndex={0} role="region" aria-label={caption}>
      <Table size="small" data-testid="import-errors">
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('organizer.importLine')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('organizer.importErrorField')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('organizer.importErrorMessage')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {errors.map((error, i) => (
            <TableRow key={`${error.line}-${error.field}-${i}`}>
              <TableCell>{t('organizer.importErrorLine', { line: error.line })}</TableCell>
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
