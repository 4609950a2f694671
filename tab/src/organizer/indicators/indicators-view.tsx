import {
  Badge, Button, MessageBar, MessageBarBody, Switch, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Indicator } from '../../../../src/contract';
import { ProblemBar } from '../../components/problem-bar';
import { StatusScreen } from '../../components/status-screen';
import { VisuallyHidden } from '../../components/visually-hidden';
import { useLoad } from '../../hooks/use-load';
import { useI18n } from '../../i18n/i18n';
import { useOrganizer } from '../organizer-context';
import { IndicatorDialog } from './indicator-dialog';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalL },
  scroll: { overflowX: 'auto' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

/**
 * Indikatorer: what the municipality follows up, each with its source, direction, target, Kolada
 * KPI id, the unit types it applies to and its groups. The administration creates, edits and
 * archives them; an archived one keeps its results.
 */
export default function IndicatorsView() {
  const styles = useStyles();
  const { t, format } = useI18n();
  const { api, canEdit } = useOrganizer();
  const [state, reload] = useLoad(async () => (await api.indicators()).items, 'indicators');
  const [editing, setEditing] = useState<Indicator | 'new' | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (state.status === 'loading') return <StatusScreen as="div" busy message={t('common.loading')} />;
  if (state.status === 'error') return <ProblemBar error={state.error} />;
  const shown = state.data.filter((i) => showArchived || i.archivedOn === undefined).sort((a, b) => a.name.localeCompare(b.name, 'sv'));

  const handleSaved = (indicator: Indicator) => {
    setEditing(null);
    setNotice(t('organizer.indicatorSaved', { name: indicator.name }));
    reload();
  };
  const handleArchive = async (indicator: Indicator) => {
    setError(null);
    setNotice(null);
    try {
      const changed = indicator.archivedOn === undefined ? await api.archiveIndicator(indicator) : await api.restoreIndicator(indicator);
      setNotice(t(changed.archivedOn === undefined ? 'organizer.indicatorRestored' : 'organizer.indicatorArchived', { name: indicator.name }));
      reload();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <div className={styles.root} data-testid="indicators">
      <Text as="h2" size={500} weight="semibold">{t('organizer.tabIndicators')}</Text>
      <Text>{t('organizer.indicatorListIntro')}</Text>
      <div className={styles.bar}>
        {canEdit && <Button appearance="primary" onClick={() => { setNotice(null); setEditing('new'); }}>{t('organizer.indicatorNew')}</Button>}
        <Switch label={t('organizer.indicatorShowArchived')} checked={showArchived} onChange={(_, d) => setShowArchived(d.checked)} />
      </div>
      {notice && <MessageBar intent="success" role="status"><MessageBarBody>{notice}</MessageBarBody></MessageBar>}
      {error !== null && <ProblemBar error={error} />}
      {shown.length === 0 ? <Text>{t('organizer.indicatorsEmpty')}</Text> : (
        <div className={styles.scroll}>
          <Table size="small" aria-label={t('organizer.tabIndicators')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('organizer.indicatorName')}</TableHeaderCell>
                <TableHeaderCell>{t('common.source')}</TableHeaderCell>
                <TableHeaderCell>{t('common.target')}</TableHeaderCell>
                <TableHeaderCell>{t('organizer.indicatorKpi')}</TableHeaderCell>
                <TableHeaderCell>{t('organizer.indicatorUnitTypes')}</TableHeaderCell>
                <TableHeaderCell>{t('organizer.indicatorGroups')}</TableHeaderCell>
                {canEdit && <TableHeaderCell><VisuallyHidden>{t('common.edit')}</VisuallyHidden></TableHeaderCell>}
              </TableRow>
            </TableHeader>
            <TableBody>
              {shown.map((i) => (
                <TableRow key={i.id} data-indicator={i.id}>
                  <TableCell>
                    <Text weight="semibold">{i.name}</Text>{' '}
                    {i.archivedOn && <Badge appearance="outline" color="subtle">{t('organizer.indicatorArchivedOn', { date: format.date(i.archivedOn) })}</Badge>}
                    <Text as="p" size={200}>{`${t(`vocab.unitOfMeasure.${i.unitOfMeasure}`)} · ${t(`vocab.direction.${i.direction}`)}`}</Text>
                  </TableCell>
                  <TableCell>{t(`vocab.indicatorSource.${i.source}`)}</TableCell>
                  <TableCell>{i.target === undefined ? t('organizer.noTarget') : i.unitOfMeasure === 'percent' ? format.percent(i.target) : format.number(i.target)}</TableCell>
                  <TableCell>{i.koladaKpi ?? ''}</TableCell>
                  <TableCell>{i.unitTypes ? i.unitTypes.map((u) => t(`vocab.unitType.${u}`)).join(', ') : t('common.allTypes')}</TableCell>
                  <TableCell>{(i.groups ?? []).join(', ')}</TableCell>
                  {canEdit && (
                    <TableCell>
                      <span className={styles.buttons}>
                        {i.archivedOn === undefined && <Button size="small" onClick={() => { setNotice(null); setEditing(i); }} aria-label={t('common.editNamed', { title: i.name })}>{t('common.edit')}</Button>}
                        <Button size="small" onClick={() => void handleArchive(i)} aria-label={t(i.archivedOn === undefined ? 'common.archiveNamed' : 'common.restoreNamed', { name: i.name })}>
                          {t(i.archivedOn === undefined ? 'common.archive' : 'common.restore')}
                        </Button>
                      </span>
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {editing && <IndicatorDialog {...(editing === 'new' ? {} : { indicator: editing })} onSaved={handleSaved} onClose={() => setEditing(null)} />}
    </div>
  );
}
