import { Button, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Indicator } from '../../../../src/contract';
import { ProblemBar } from '../../components/problem-bar';
import { useI18n } from '../../i18n/i18n';
import { useOrganizer } from '../organizer-context';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM },
  columns: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))', gap: tokens.spacingHorizontalM },
});

/**
 * The file's measure columns that no indicator is named by (Skolverket's own column names): the
 * administration says once which indicator each one is, the heading is saved on that indicator
 * (its importColumns, with its eTag), and the preview is read again, as every later import reads it.
 */
export function ColumnMapping({ columns, onMapped }: { columns: readonly string[]; onMapped: () => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { api } = useOrganizer();
  const [indicators, setIndicators] = useState<Indicator[] | null>(null);
  /** column heading → the chosen indicator's id ('' for none) */
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    api.indicators().then((page) => {
      if (live) setIndicators(page.items.filter((i) => i.archivedOn === undefined));
    }, (caught: unknown) => {
      if (live) setError(caught);
    });
    return () => { live = false; };
  }, [api]);

  const save = async () => {
    if (!indicators) return;
    setBusy(true);
    setError(null);
    try {
      // one write per indicator, adding its new headings to those it has
      for (const indicator of indicators) {
        const added = columns.filter((column) => chosen[column] === indicator.id);
        if (added.length > 0) await api.updateIndicator(indicator, { importColumns: [...(indicator.importColumns ?? []), ...added] });
      }
      onMapped();
    } catch (caught) {
      setError(caught);
      // a heading saved before the failure stays saved: read the indicators again
      setIndicators((await api.indicators().catch(() => null))?.items.filter((i) => i.archivedOn === undefined) ?? indicators);
    } finally {
      setBusy(false);
    }
  };

  const anyChosen = columns.some((column) => (chosen[column] ?? '') !== '');
  return (
    <section className={styles.root} aria-labelledby="import-column-mapping" data-testid="import-column-mapping">
      <Text as="h4" id="import-column-mapping" weight="semibold">{t('organizer.importMapTitle')}</Text>
      <Text size={200}>{t('organizer.importMapIntro')}</Text>
      {error !== null && <ProblemBar error={error} />}
      <div className={styles.columns}>
        {columns.map((column) => (
          <Field key={column} label={column}>
            <Select value={chosen[column] ?? ''} disabled={!indicators || busy} onChange={(_, d) => setChosen((c) => ({ ...c, [column]: d.value }))}>
              <option value="">{t('organizer.importMapNone')}</option>
              {(indicators ?? []).map((i) => <option key={i.id} value={i.id}>{i.name}</option>)}
            </Select>
          </Field>
        ))}
      </div>
      <div><Button appearance="primary" disabled={!anyChosen || busy} onClick={() => void save()}>{t('organizer.importMapSave')}</Button></div>
    </section>
  );
}
