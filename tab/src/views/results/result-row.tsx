import { Button, Field, Input, TableCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { KeyboardEvent } from 'react';
import { useState } from 'react';
import type { Indicator, Measurement } from '../../../../src/contract';
import { ProblemError } from '../../api/problem-error';
import { useSession } from '../../auth/session';
import { ConflictPanel } from '../../components/conflict-panel';
import { useConflictSave } from '../../hooks/use-conflict-save';
import type { ConflictWrite } from '../../hooks/use-conflict-save';
import { useI18n } from '../../i18n/i18n';
import { draftOf, groupsOfRow, readRow, resultChanges, totalColumn } from './result-draft';
import type { ResultDraft } from './result-draft';

const useStyles = makeStyles({
  input: { minWidth: '88px', maxWidth: '120px' },
  name: { minWidth: '180px' },
  saved: { color: tokens.colorPaletteGreenForeground1 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** A problem about a cell: the column it is in (the total's, or a group's name). */
function cellProblem(error: unknown): string | undefined {
  return error instanceof ProblemError && error.code === 'notANumber' ? error.field : undefined;
}

/**
 * One indicator's row of the result grid for a period: the total and a cell per group of the grid
 * (those the indicator has none for stay empty). Saved as a row, with its eTag; a result someone
 * else entered or changed meanwhile opens the conflict panel under the row.
 */
export function ResultRow(props: {
  unitId: string;
  period: string;
  indicator: Indicator;
  measurement: Measurement | undefined;
  /** the grid's group columns */
  columns: readonly string[];
  onSaved: () => void;
}) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const { api } = useSession();
  const [saved, setSaved] = useState(false);
  const form = useConflictSave<Measurement, ResultDraft>({
    initial: props.measurement,
    draftOf: (measurement) => draftOf(measurement, format),
    isVersion: isMeasurement,
  });
  const { draft, conflict, busy, error } = form;
  const name = props.indicator.name;
  const groups = groupsOfRow(props.indicator, form.base ?? props.measurement);
  const problemColumn = cellProblem(error);

  const write: ConflictWrite<Measurement, ResultDraft> = async (current, base, editedFrom) => {
    const read = readRow(current, groups);
    if (!read.ok) throw new ProblemError({ status: 400, code: 'notANumber', field: read.column, detail: t('channel.resultsNotANumber') });
    if (read.value === undefined) throw new ProblemError({ status: 400, code: 'notANumber', field: totalColumn, detail: t('channel.resultsNeedsTotal') });
    if (base) return api.updateMeasurement(base, resultChanges(editedFrom ?? base, read.value, read.groups));
    return api.createMeasurement(props.unitId, {
      indicatorId: props.indicator.id, period: props.period, value: read.value, ...(read.groups.length > 0 ? { groups: read.groups } : {}),
    });
  };
  const done = (version: Measurement | undefined) => {
    if (!version) return;
    setSaved(true);
    props.onSaved();
  };
  const handleSave = () => void form.save(write).then(done);
  const handleKeepMine = () => void form.keepMine().then(done);
  const handleKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      handleSave();
    }
  };
  const change = (column: string, value: string) => {
    setSaved(false);
    form.change((d) => (column === totalColumn ? { ...d, total: value } : { ...d, groups: { ...d.groups, [column]: value } }));
  };
  const cell = (column: string, value: string, label: string) => (
    <Field
      {...(problemColumn === column ? { validationState: 'error' as const, validationMessage: error instanceof ProblemError ? error.detail : '' } : {})}
    >
      <Input
        className={styles.input}
        value={value}
        inputMode="decimal"
        aria-label={t('channel.resultsCell', { indicator: name, column: label })}
        onChange={(_, d) => change(column, d.value)}
        onKeyDown={handleKey}
      />
    </Field>
  );
  const shown = (m: Pick<Measurement, 'value' | 'groups'>) => [format.number(m.value), ...(m.groups ?? []).map((g) => `${g.group} ${format.number(g.value)}`)].join(', ');

  return (
    <>
      <TableRow data-indicator={props.indicator.id}>
        <TableCell className={styles.name}><Text weight="semibold">{name}</Text></TableCell>
        <TableCell>{cell(totalColumn, draft.total, t('channel.resultsTotal'))}</TableCell>
        {props.columns.map((column) => (
          <TableCell key={column}>{groups.includes(column) ? cell(column, draft.groups[column] ?? '', column) : <Text aria-hidden>–</Text>}</TableCell>
        ))}
        <TableCell>
          <Text role="status" className={saved ? styles.saved : styles.error}>
            {saved && !form.dirty ? t('common.saved') : error !== null && problemColumn === undefined && error instanceof ProblemError ? error.detail : ''}
          </Text>
        </TableCell>
        <TableCell>
          <Button size="small" onClick={handleSave} disabled={busy || conflict !== null || !form.dirty} aria-label={t('channel.resultsSaveRow', { indicator: name })}>
            {t('common.save')}
          </Button>
        </TableCell>
      </TableRow>
      {conflict && (
        <TableRow>
          <TableCell colSpan={props.columns.length + 4}>
            <ConflictPanel
              rows={[{ label: name, theirs: shown(conflict), mine: [draft.total, ...groups.filter((g) => draft.groups[g]).map((g) => `${g} ${draft.groups[g] ?? ''}`)].join(', ') }]}
              onUseTheirs={form.takeTheirs}
              onKeepMine={handleKeepMine}
            />
          </TableCell>
        </TableRow>
      )}
    </>
  );
}

function isMeasurement(value: unknown): value is Measurement {
  return Boolean(value && typeof value === 'object' && 'id' in value && 'etag' in value && 'indicatorId' in value && 'value' in value);
}
