import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Deficiency, DeficiencyEntry } from '../../../../src/contract';
import type { DeficiencyFilter } from '../../api/client';
import { canCreateAction, canEditUnit } from '../../auth/permissions';
import { useSession } from '../../auth/session';
import { ProblemBar } from '../../components/problem-bar';
import { StatusScreen } from '../../components/status-screen';
import { useLoad } from '../../hooks/use-load';
import { useI18n } from '../../i18n/i18n';
import { schoolYearOf } from '../../util/dates';
import { ActionDialog } from '../actions/action-dialog';
import type { Person } from '../actions/action-dialog';
import { DeficiencyDialog } from './deficiency-dialog';
import { DeficiencyFilters } from './deficiency-filters';
import { DeficiencyList } from './deficiency-list';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

type Editing = { kind: 'deficiency'; deficiency?: Deficiency } | { kind: 'action'; entry: DeficiencyEntry } | null;

/**
 * Brister: the unit's deficiency register. The principal records deficiencies (a complaint, a
 * kränkning, Skolinspektionen's decision, the unit's own follow-up), the unit's people add the
 * actions that answer them, and a deficiency closes once one of them is done and evaluated.
 */
export default function DeficienciesView({ unitId }: { unitId: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { api } = useSession();
  const [filter, setFilter] = useState<DeficiencyFilter>({});
  const [state, reload] = useLoad(async () => {
    const [me, register, goals] = await Promise.all([api.me(), api.deficiencyRegister(unitId, filter), api.goals(unitId)]);
    return { me, entries: register.items, goals: goals.items };
  }, `${unitId}|${JSON.stringify(filter)}`);
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const people = useMemo<Person[]>(() => (state.status === 'ready' ? [{ id: state.data.me.userId, name: state.data.me.name }] : []), [state]);
  if (state.status === 'loading') return <StatusScreen as="div" busy message={t('common.loading')} />;
  if (state.status === 'error') return <ProblemBar error={state.error} />;
  const { me, entries, goals } = state.data;
  const mayEdit = canEditUnit(me, unitId);
  const open = (next: Editing) => {
    setNotice(null);
    setError(null);
    setEditing(next);
  };
  const saved = (message: string) => {
    setEditing(null);
    setNotice(message);
    reload();
  };
  const handleClose = async (entry: DeficiencyEntry) => {
    setError(null);
    try {
      await api.updateDeficiency(entry.deficiency, { status: 'closed' });
      setNotice(t('channel.deficiencyClosed', { title: entry.deficiency.title }));
      reload();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <div className={styles.root} data-testid="deficiencies">
      <Text as="h2" size={500} weight="semibold">{t('channel.deficienciesTitle')}</Text>
      <Text>{t('channel.deficienciesIntro')}</Text>
      {mayEdit && <div><Button appearance="primary" onClick={() => open({ kind: 'deficiency' })}>{t('channel.deficiencyNew')}</Button></div>}
      <DeficiencyFilters filter={filter} onChange={setFilter} />
      {notice && <MessageBar intent="success" role="status"><MessageBarBody>{notice}</MessageBarBody></MessageBar>}
      {error !== null && <ProblemBar error={error} />}
      <DeficiencyList
        entries={entries}
        actions={{
          canCreateAction: canCreateAction(me, unitId),
          canEdit: mayEdit,
          onNewAction: (entry) => open({ kind: 'action', entry }),
          onEdit: (entry) => open({ kind: 'deficiency', deficiency: entry.deficiency }),
          onClose: (entry) => void handleClose(entry),
        }}
      />
      {editing?.kind === 'deficiency' && (
        <DeficiencyDialog
          unitId={unitId}
          {...(editing.deficiency ? { deficiency: editing.deficiency } : {})}
          onSaved={(d) => saved(t('channel.deficiencySaved', { title: d.title }))}
          onClose={() => setEditing(null)}
        />
      )}
      {editing?.kind === 'action' && (
        <ActionDialog
          unitId={unitId}
          schoolYear={schoolYearOf()}
          origin={{ in: 'deficiency', deficiencyId: editing.entry.deficiency.id }}
          people={people}
          goals={goals}
          onSaved={(a) => saved(t('channel.actionSaved', { title: a.title }))}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
