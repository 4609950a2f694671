import {
  Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens, useId,
} from '@fluentui/react-components';
import { useI18n } from '../i18n/i18n';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusWarningBorder1}`,
    backgroundColor: tokens.colorStatusWarningBackground1,
    borderRadius: tokens.borderRadiusMedium,
  },
  cell: { whiteSpace: 'pre-wrap', verticalAlign: 'top' },
  changed: { fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** One compared field of a conflict. */
export interface ConflictRow {
  label: string;
  theirs: string;
  mine: string;
}

/**
 * A 409 made visible: the current version beside the user's, field by field, and the user chooses.
 * Nothing is overwritten until they do. The one view of `useConflictSave`'s conflict.
 */
export function ConflictPanel({ rows, onUseTheirs, onKeepMine }: { rows: ConflictRow[]; onUseTheirs: () => void; onKeepMine: () => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  // several panels can be open at once (one per agenda item): each needs its own heading id
  const titleId = useId('conflict-title');
  return (
    <section className={styles.root} role="alert" aria-labelledby={titleId} data-testid="conflict">
      <Text as="h3" id={titleId} weight="semibold">{t('common.conflictTitle')}</Text>
      <Text>{t('common.conflictIntro')}</Text>
      <Table size="small" aria-labelledby={titleId}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('common.conflictField')}</TableHeaderCell>
            <TableHeaderCell>{t('common.conflictTheirs')}</TableHeaderCell>
            <TableHeaderCell>{t('common.conflictMine')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => {
            const differs = row.theirs !== row.mine;
            return (
              <TableRow key={row.label}>
                <TableCell className={differs ? styles.changed : undefined}>{row.label}</TableCell>
                <TableCell className={styles.cell}>{row.theirs}</TableCell>
                <TableCell className={styles.cell}>{row.mine}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <div className={styles.actions}>
        <Button onClick={onUseTheirs}>{t('common.conflictUseTheirs')}</Button>
        <Button appearance="primary" onClick={onKeepMine}>{t('common.conflictKeepMine')}</Button>
      </div>
    </section>
  );
}
