import {
  Field, Select, Table, TableBody, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Indicator, Measurement, Unit } from '../../../../src/contract';
import { appliesTo, inUseIn } from '../../../../src/domain/applicability';
import { VisuallyHidden } from '../../components/visually-hidden';
import { useI18n } from '../../i18n/i18n';
import { schoolYearOf } from '../../util/dates';
import { currentTerm, periodOptions } from './period-options';
import { groupsOfRow } from './result-draft';
import { ResultRow } from './result-row';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'end' },
  scroll: { overflowX: 'auto' },
});

/** The school year before `year`. */
function yearBefore(year: string): string {
  const start = Number(year.slice(0, 4)) - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/**
 * Registrera resultat: a grid for one period, a row per indicator that applies to the unit's type
 * (archived ones leave it), a column for the total and each group. Each row saves on its own.
 */
export function ResultsEntry(props: { unit: Unit; indicators: readonly Indicator[]; measurements: readonly Measurement[]; onSaved: () => void }) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const thisYear = schoolYearOf();
  const [schoolYear, setSchoolYear] = useState(thisYear);
  const [period, setPeriod] = useState(() => currentTerm(thisYear));
  const options = useMemo(() => periodOptions(schoolYear, format), [schoolYear, format]);
  const rows = props.indicators.filter((i) => appliesTo(i, props.unit.type) && inUseIn(i, schoolYear));
  const inPeriod = (indicatorId: string) => props.measurements.find((m) => m.indicatorId === indicatorId && m.period === period);
  const columns = [...new Set(rows.flatMap((i) => groupsOfRow(i, inPeriod(i.id))))];
  // a term stays that term of the other year; a month, whose year differs, becomes the whole year
  const handleYear = (year: string) => {
    setSchoolYear(year);
    const term = period.slice(7);
    setPeriod(term === ' HT' || term === ' VT' ? `${year}${term}` : year);
  };

  return (
    <section className={styles.root} aria-labelledby="results-entry" data-testid="results-entry">
      <Text as="h2" id="results-entry" size={500} weight="semibold">{t('channel.resultsEntryTitle')}</Text>
      <Text>{t('channel.resultsEntryIntro')}</Text>
      <div className={styles.bar}>
        <Field label={t('common.schoolYear')}>
          <Select value={schoolYear} onChange={(_, d) => handleYear(d.value)}>
            {[thisYear, yearBefore(thisYear)].map((year) => <option key={year} value={year}>{year}</option>)}
          </Select>
        </Field>
        <Field label={t('common.period')}>
          <Select value={period} onChange={(_, d) => setPeriod(d.value)}>
            {options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
          </Select>
        </Field>
      </div>
      {rows.length === 0 ? <Text>{t('channel.resultsNoIndicators')}</Text> : (
        <div className={styles.scroll}>
          <Table size="small" aria-labelledby="results-entry">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('common.indicator')}</TableHeaderCell>
                <TableHeaderCell>{t('channel.resultsTotal')}</TableHeaderCell>
                {columns.map((column) => <TableHeaderCell key={column}>{column}</TableHeaderCell>)}
                <TableHeaderCell>{t('common.status')}</TableHeaderCell>
                <TableHeaderCell><VisuallyHidden>{t('common.save')}</VisuallyHidden></TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((indicator) => (
                <ResultRow
                  key={`${indicator.id}|${period}`}
                  unitId={props.unit.id}
                  period={period}
                  indicator={indicator}
                  measurement={inPeriod(indicator.id)}
                  columns={columns}
                  onSaved={props.onSaved}
                />
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
