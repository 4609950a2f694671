import {
  Badge, Button, Card, CardHeader, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow,
  Text, ToggleButton, makeStyles, tokens, useId,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Action, Goal, Me } from '../../../../src/contract';
import type { ActionFilter } from '../../api/client';
import type { MessageKey } from '../../i18n/i18n';
import { canCreateAction, canUpdateAction } from '../../auth/permissions';
import { useSession } from '../../auth/session';
import { ProblemBar } from '../../components/problem-bar';
import { StatusScreen } from '../../components/status-screen';
import { TabBar } from '../../components/tab-bar';
import { VisuallyHidden } from '../../components/visually-hidden';
import { useLoad } from '../../hooks/use-load';
import { useI18n } from '../../i18n/i18n';
import { actionStatuses } from '../../../../src/domain/choices';
import { dueDateLine } from '../../../../src/domain/vocabulary';
import { isOpen } from '../../../../src/domain/action';
import { isOverdue, schoolYearOf } from '../../util/dates';
import { ActionDialog } from './action-dialog';
import { ActionOriginLink } from './action-origin-link';
import type { Person } from './action-dialog';

const actionFilters = ['all', 'mine', 'overdue'] as const satisfies readonly ActionFilter[];
const filterLabels = { all: 'channel.filterAll', mine: 'channel.filterMine', overdue: 'channel.filterOverdue' } as const satisfies Record<(typeof actionFilters)[number], MessageKey>;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalL },
  goal: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  board: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: tokens.spacingHorizontalM },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium },
  cards: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

interface ActionsData {
  actions: readonly Action[];
  goals: readonly Goal[];
  me: Me;
}

/** Åtgärder: a board and a list, filtered by mine, overdue or goal; create and edit with conflict handling. */
export default function ActionsView({ unitId }: { unitId: string }) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const { api } = useSession();
  const goalSelectId = useId('goal');
  const [filter, setFilter] = useState<ActionFilter>('all');
  const [goalId, setGoalId] = useState('');
  const [layout, setLayout] = useState<'board' | 'list'>('board');
  const [editing, setEditing] = useState<{ action: Action; markDone: boolean } | 'new' | null>(null);
  const schoolYear = schoolYearOf();
  const [state, reload] = useLoad<ActionsData>(async () => {
    const [actions, goals, me] = await Promise.all([api.actions(unitId, filter, goalId || undefined), api.goals(unitId), api.me()]);
    return { actions: actions.items, goals: goals.items, me };
  }, `${unitId}|${filter}|${goalId}`);

  const people = useMemo<Person[]>(() => {
    if (state.status !== 'ready') return [];
    const byId = new Map<string, string>([[state.data.me.userId, state.data.me.name]]);
    for (const a of state.data.actions) if (!byId.has(a.ownerId)) byId.set(a.ownerId, a.ownerName ?? a.ownerId);
    return [...byId].map(([id, name]) => ({ id, name }));
  }, [state]);

  if (state.status === 'loading') return <StatusScreen as="div" busy message={t('common.loading')} />;
  if (state.status === 'error') return <ProblemBar error={state.error} />;
  const { actions, goals, me } = state.data;
  const mayCreate = canCreateAction(me, unitId);
  const mayUpdate = (action: Action) => canUpdateAction(me, unitId, action.ownerId);
  const handleSaved = () => {
    setEditing(null);
    reload();
  };
  const goalTitle = (id?: string) => goals.find((g) => g.id === id)?.title ?? '';
  // marking done opens the dialog at its evaluation: an action closes only evaluated
  const markDoneButton = (action: Action) => (mayUpdate(action) && isOpen(action)
    ? <Button size="small" onClick={() => setEditing({ action, markDone: true })} aria-label={t('channel.markDoneTitle', { title: action.title })}>{t('channel.markDone')}</Button>
    : null);
  const lastComment = (action: Action) => {
    const comments = action.comments ?? [];
    const last = comments.at(-1);
    return last ? <Text size={200}>{`${t('vocab.term.comments')} (${comments.length}): ${last.authorName ?? ''} ${format.date(last.at)}: ${last.text}`}</Text> : null;
  };

  const card = (action: Action) => (
    <li key={action.id}>
      <Card size="small">
        <CardHeader
          header={<Text weight="semibold">{action.title}</Text>}
          description={<Text size={200}>{[action.ownerName, dueDateLine(action.dueDate, format)].filter(Boolean).join(' · ')}</Text>}
          action={mayUpdate(action) ? <Button size="small" onClick={() => setEditing({ action, markDone: false })} aria-label={t('common.editNamed', { title: action.title })}>{t('common.edit')}</Button> : undefined}
        />
        <ActionOriginLink action={action} goalTitle={goalTitle(action.goalId)} />
        {action.evaluation && <Text size={200}>{t('vocab.question.evaluation')} {action.evaluation}</Text>}
        {lastComment(action)}
        {isOverdue(action) && <Badge color="danger">{t('vocab.term.overdue')}</Badge>}
        {markDoneButton(action)}
      </Card>
    </li>
  );

  return (
    <div className={styles.root} data-testid="actions">
      <div className={styles.bar}>
        <div>
          <Text id="filter-label" size={200}>{t('channel.actionsFilter')}</Text>
          <TabBar
            aria-labelledby="filter-label"
            size="small"
            wrap
            items={actionFilters.map((value) => ({ value, label: t(filterLabels[value]) }))}
            selected={filter}
            onSelect={setFilter}
          />
        </div>
        <div className={styles.goal}>
          <label htmlFor={goalSelectId}><Text size={200}>{t('common.goal')}</Text></label>
          <Select id={goalSelectId} value={goalId} onChange={(_, d) => setGoalId(d.value)}>
            <option value="">{t('channel.allGoals')}</option>
            {goals.map((g) => <option key={g.id} value={g.id}>{g.title}</option>)}
          </Select>
        </div>
        <div role="group" aria-label={t('channel.actionsLayout')}>
          <ToggleButton checked={layout === 'board'} onClick={() => setLayout('board')}>{t('channel.actionsBoard')}</ToggleButton>
          <ToggleButton checked={layout === 'list'} onClick={() => setLayout('list')}>{t('channel.actionsList')}</ToggleButton>
        </div>
        {mayCreate && <Button appearance="primary" onClick={() => setEditing('new')}>{t('common.newAction')}</Button>}
      </div>
      {actions.length === 0 ? <Text>{t('channel.noActionsMatch')}</Text> : layout === 'board' ? (
        <div className={styles.board}>
          {actionStatuses.map((status) => {
            const inColumn = actions.filter((a) => a.status === status);
            return (
              <section key={status} className={styles.column} aria-labelledby={`col-${status}`}>
                <Text as="h2" id={`col-${status}`} size={400} weight="semibold">{t(`vocab.actionStatus.${status}`)} ({inColumn.length})</Text>
                <ul className={styles.cards}>{inColumn.map(card)}</ul>
              </section>
            );
          })}
        </div>
      ) : (
        <Table aria-label={t('common.actions')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('common.title')}</TableHeaderCell>
              <TableHeaderCell>{t('vocab.term.owner')}</TableHeaderCell>
              <TableHeaderCell>{t('vocab.term.startDate')}</TableHeaderCell>
              <TableHeaderCell>{t('vocab.term.dueDate')}</TableHeaderCell>
              <TableHeaderCell>{t('common.status')}</TableHeaderCell>
              <TableHeaderCell>{t('vocab.term.origin')}</TableHeaderCell>
              <TableHeaderCell>{t('vocab.question.evaluation')}</TableHeaderCell>
              <TableHeaderCell><VisuallyHidden>{t('common.edit')}</VisuallyHidden></TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {actions.map((a) => (
              <TableRow key={a.id}>
                <TableCell>{a.title}</TableCell>
                <TableCell>{a.ownerName ?? ''}</TableCell>
                <TableCell>{format.date(a.startDate)}</TableCell>
                <TableCell>{format.date(a.dueDate)} {isOverdue(a) && <Badge color="danger">{t('vocab.term.overdue')}</Badge>}</TableCell>
                <TableCell>{t(`vocab.actionStatus.${a.status}`)}</TableCell>
                <TableCell><ActionOriginLink action={a} goalTitle={goalTitle(a.goalId)} /></TableCell>
                <TableCell>{a.evaluation ?? ''}{lastComment(a)}</TableCell>
                <TableCell>
                  {mayUpdate(a) && <Button size="small" onClick={() => setEditing({ action: a, markDone: false })} aria-label={t('common.editNamed', { title: a.title })}>{t('common.edit')}</Button>}
                  {markDoneButton(a)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {editing && (
        <ActionDialog
          unitId={unitId}
          schoolYear={schoolYear}
          origin={{ in: 'unit' }}
          {...(editing === 'new' ? {} : { action: editing.action, markDone: editing.markDone })}
          people={people}
          goals={goals}
          onSaved={handleSaved}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
