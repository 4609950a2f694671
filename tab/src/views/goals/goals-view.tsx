import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Goal } from '../../../../src/contract';
import { canEditUnit } from '../../auth/permissions';
import { useSession } from '../../auth/session';
import { ProblemBar } from '../../components/problem-bar';
import { StatusScreen } from '../../components/status-screen';
import type { ConflictWrite } from '../../hooks/use-conflict-save';
import { useLoad } from '../../hooks/use-load';
import { useI18n } from '../../i18n/i18n';
import { schoolYearOf } from '../../util/dates';
import { GoalDialog, goalChanges } from './goal-dialog';
import type { GoalDraft } from './goal-dialog';
import { goalParents } from './goal-parents';
import { GoalTreeView } from './goal-tree-view';
import { useGoalEdits } from './use-goal-edits';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/**
 * Mål: the school year's hierarchy as the unit sees it, the organizer's goals and areas with the
 * unit's own goals under them and what has been done under each. The principal sets the unit's
 * goals, each under one of the organizer's goals or areas.
 */
export default function GoalsView({ unitId }: { unitId: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { api } = useSession();
  const schoolYear = schoolYearOf();
  const [state, reload] = useLoad(async () => {
    const [me, tree] = await Promise.all([api.me(), api.goalTree(unitId, schoolYear)]);
    return { me, tree };
  }, `${unitId}|${schoolYear}`);
  const { editing, open, close, notice, error, handleSaved, handleRemove } = useGoalEdits<Goal | 'new'>((goal) => api.deleteGoal(goal), reload);
  if (state.status === 'loading') return <StatusScreen as="div" busy message={t('common.loading')} />;
  if (state.status === 'error') return <ProblemBar error={state.error} />;
  const { me, tree } = state.data;
  const mayEdit = canEditUnit(me, unitId);
  const parents = goalParents(tree, t);

  const write: ConflictWrite<Goal, GoalDraft> = (draft, base, editedFrom) => {
    if (base) return api.updateGoal(base, goalChanges(editedFrom ?? base, draft));
    return api.createGoal(unitId, {
      title: draft.title, schoolYear, parentGoalId: draft.parentGoalId, ...(draft.description ? { description: draft.description } : {}),
    });
  };

  return (
    <div className={styles.root} data-testid="goals">
      <Text as="h2" size={500} weight="semibold">{t('channel.goalsTitle', { schoolYear })}</Text>
      <Text>{t('channel.goalsIntro')}</Text>
      {mayEdit && <div><Button appearance="primary" onClick={() => open('new')}>{t('channel.goalNewUnit')}</Button></div>}
      {notice && <MessageBar intent="success" role="status"><MessageBarBody>{notice}</MessageBarBody></MessageBar>}
      {error !== null && <ProblemBar error={error} />}
      <GoalTreeView
        tree={tree}
        {...(mayEdit ? { actions: { canEdit: (goal: Goal) => goal.unitId === unitId, onEdit: open, onRemove: handleRemove } } : {})}
      />
      {editing && (
        <GoalDialog
          heading={t(editing === 'new' ? 'channel.goalNewUnit' : 'channel.goalEdit')}
          {...(editing === 'new' ? {} : { goal: editing })}
          parents={parents}
          parentRequired
          write={write}
          onSaved={handleSaved}
          onClose={close}
        />
      )}
    </div>
  );
}
