import { Button, Card, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ProblemBar } from '../../components/problem-bar';
import { StatusScreen } from '../../components/status-screen';
import { useLoad } from '../../hooks/use-load';
import { useOrganizer } from '../organizer-context';
import { useI18n } from '../../i18n/i18n';
import type { YearWheelActivity } from '../../../../src/contract';
import { ActivityDialog } from './activity-dialog';
import type { ActivityDraft } from './activity-dialog';
import { WheelSvg } from './wheel-svg';
import { todayIso } from '../../util/dates';
import { schoolYearOf } from '../../../../src/domain/common';
import { sectorOf, wheelMonths } from './wheel-geometry';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  layout: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(340px, 1fr))', gap: tokens.spacingHorizontalXL, alignItems: 'start' },
  list: { margin: 0, paddingLeft: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  sub: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  entry: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  selected: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, borderRadius: tokens.borderRadiusMedium },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  month: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

type Editing = { mode: 'new' } | { mode: 'edit'; activity: YearWheelActivity } | null;

/** A new activity's date: today when today is in the school year shown, else that year's first day. */
export function defaultActivityDate(schoolYear: string, today: string = todayIso()): string {
  return schoolYearOf(today) === schoolYear ? today : `${schoolYear.slice(0, 4)}-07-01`;
}

/**
 * Årshjul: the school year's activities drawn as a wheel and listed by month. The administration
 * adds, edits and deletes the municipality's activities; units' own activities show as theirs.
 * With `unitId` it is that unit's wheel: the municipality's activities inherited (read only) and
 * the unit's own, which its principal adds and edits.
 */
export default function YearWheelView({ unitId }: { unitId?: string } = {}) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const { api, canEdit, schoolYear } = useOrganizer();
  const [state, reload] = useLoad(async () => {
    const [wheel, unitNames] = await Promise.all([api.yearWheel(schoolYear), api.unitNames()]);
    return { activities: wheel.items, unitNames };
  }, schoolYear);
  const [selectedId, setSelectedId] = useState<string | undefined>();
  const [editing, setEditing] = useState<Editing>(null);
  // a fresh form each time the dialog opens
  const [opened, setOpened] = useState(0);
  const open = (next: Exclude<Editing, null>) => {
    setNotice(null);
    setOpened((n) => n + 1);
    setEditing(next);
  };
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  // a municipality-wide activity disappears for every unit: its removal is confirmed first
  const [confirmingDelete, setConfirmingDelete] = useState<YearWheelActivity | null>(null);

  if (state.status === 'loading') return <StatusScreen busy message={t('organizer.tabYearWheel')} />;
  if (state.status === 'error') return <ProblemBar error={state.error} />;
  const { activities: all, unitNames } = state.data;
  const selected = all.find((a) => a.id === selectedId);
  const monthName = (index: number) => format.month(wheelMonths[index] ?? 0, 'long');

  const handleSave = async (draft: ActivityDraft) => {
    if (editing?.mode === 'edit') await api.updateActivity(editing.activity, draft);
    else await api.createActivity(unitId ? { ...draft, unitId } : draft);
    setEditing(null);
    setNotice(t('organizer.wheelSaved', { title: draft.title }));
    reload();
  };
  const handleDelete = async (activity: YearWheelActivity) => {
    setConfirmingDelete(null);
    setError(null);
    try {
      await api.deleteActivity(activity);
      setSelectedId(undefined);
      setNotice(t('organizer.wheelDeleted', { title: activity.title }));
      reload();
    } catch (caught) {
      setError(caught);
    }
  };
  const editable = (activity: YearWheelActivity) => canEdit && activity.unitId === unitId;
  // a unit's wheel shows the municipality's and its own, not other units'
  const shown = unitId ? all.filter((a) => a.unitId === undefined || a.unitId === unitId) : all;

  return (
    <div className={styles.root} data-testid="year-wheel">
      <Text as="h2" size={500} weight="semibold">{unitId ? `${t('organizer.wheelTitle', { schoolYear })}: ${unitNames.get(unitId) ?? unitId}` : t('organizer.wheelTitle', { schoolYear })}</Text>
      <Text>{t(unitId ? 'organizer.wheelUnitIntro' : 'organizer.wheelIntro')}</Text>
      {canEdit && <div><Button appearance="primary" onClick={() => open({ mode: 'new' })}>{t('organizer.wheelAdd')}</Button></div>}
      {notice && <MessageBar intent="success" role="status"><MessageBarBody>{notice}</MessageBarBody></MessageBar>}
      {error !== null && <ProblemBar error={error} />}
      <div className={styles.layout}>
        <div className={styles.card}>
          <WheelSvg schoolYear={schoolYear} activities={shown} unitNames={unitNames} {...(selectedId ? { selectedId } : {})} onSelect={(a) => setSelectedId(a.id)} />
          {selected && (
            <Card className={styles.card} aria-live="polite" data-testid="selected-activity">
              <Text weight="semibold">{selected.title}</Text>
              <Text size={200}>{`${t(`vocab.activityKind.${selected.kind}`)} · ${format.date(selected.date)} · ${selected.unitId ? t('organizer.wheelUnitOwn', { unit: unitNames.get(selected.unitId) ?? selected.unitId }) : t('organizer.wheelMunicipality')}`}</Text>
              {selected.description && <Text>{selected.description}</Text>}
            </Card>
          )}
        </div>
        <section aria-labelledby="wheel-list">
          <Text as="h3" id="wheel-list" size={400} weight="semibold">{t('organizer.wheelList')}</Text>
          <ol className={styles.list}>
            {wheelMonths.map((_, index) => {
              const inMonth = shown.filter((a) => sectorOf(a.date) === index).sort((a, b) => a.date.localeCompare(b.date));
              return (
                <li key={index} className={styles.month}>
                  <Text as="h4" weight="semibold">{t('organizer.wheelMonth', { month: monthName(index), count: inMonth.length })}</Text>
                  {inMonth.length === 0 ? <Text size={200}>{t('organizer.wheelEmptyMonth')}</Text> : (
                    <ul className={styles.sub}>
                      {inMonth.map((a) => (
                        <li key={a.id} className={a.id === selectedId ? styles.selected : undefined} data-activity-item={a.id}>
                          <span className={styles.entry}>
                            <Text>{`${format.date(a.date)}: ${a.title}`}</Text>
                            <Text size={200}>{`${t(`vocab.activityKind.${a.kind}`)}${a.unitId ? ` · ${t('organizer.wheelUnitOwn', { unit: unitNames.get(a.unitId) ?? a.unitId })}` : ''}`}</Text>
                            {editable(a) && (
                              <>
                                <Button size="small" onClick={() => open({ mode: 'edit', activity: a })} aria-label={t('organizer.wheelEditNamed', { title: a.title })}>{t('organizer.wheelEdit')}</Button>
                                <Button size="small" onClick={() => (a.unitId === undefined ? setConfirmingDelete(a) : void handleDelete(a))} aria-label={t('organizer.wheelDeleteNamed', { title: a.title })}>{t('common.remove')}</Button>
                              </>
                            )}
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ol>
        </section>
      </div>
      <ConfirmDialog
        open={confirmingDelete !== null}
        title={confirmingDelete ? t('organizer.wheelDeleteConfirmTitle', { title: confirmingDelete.title }) : ''}
        message={t('organizer.wheelDeleteConfirmText')}
        confirm={t('common.remove')}
        onConfirm={() => { if (confirmingDelete) void handleDelete(confirmingDelete); }}
        onCancel={() => setConfirmingDelete(null)}
      />
      {opened > 0 && (
        <ActivityDialog
          key={opened}
          open={editing !== null}
          {...(editing?.mode === 'edit' ? { activity: editing.activity } : {})}
          defaultDate={defaultActivityDate(schoolYear)}
          onSave={handleSave}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
