import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Goal } from '../../../../src/contract';
import { ProblemBar } from '../../components/problem-bar';
import { StatusScreen } from '../../components/status-screen';
import type { ConflictWrite } from '../../hooks/use-conflict-save';
import { useLoad } from '../../hooks/use-load';
import { useI18n } from '../../i18n/i18n';
import { GoalDialog, goalChanges } from '../../views/goals/goal-dialog';
import type { GoalDraft } from '../../views/goals/goal-dialog';
import { GoalTreeView } from '../../views/goals/goal-tree-view';
import { useGoalEdits } from '../../views/goals/use-goal-edits';
import { useOrganizer } from '../organizer-context';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

type Editing = { level: 'organizer' | 'focusArea'; goal?: Goal };

/**
 * Mål at the organizer's level: the administration sets the board's goals (nämndmål) and the
 * prioritized areas (fokusområden) of the school year; under them every unit's goals and what has
 * been done under each. The board reads it.
 */
export default function OrganizerGoalsView() {
  const styles = useStyles();
  const { t } = useI18n();
  const { api, canEdit, schoolYear } = useOrganizer();
  const [state, reload] = useLoad(async () => {
    const [tree, unitNames] = await Promise.all([api.goalTree(schoolYear), api.unitNames()]);
    return { tree, unitNames };
  }, schoolYear);
  const { editing, open: edit, close, notice, error, handleSaved, handleRemove } = useGoalEdits<Editing>((goal) => api.deleteGoal(goal), reload);
  if (state.status === 'loading') return <StatusScreen as="div" busy message={t('common.loading')} />;
  if (state.status === 'error') return <ProblemBar error={state.error} />;
  const { tree, unitNames } = state.data;
  const boardGoals = tree.organizerGoals.map((node) => ({ id: node.goal.id, label: node.goal.title }));
  const open = (level: 'organizer' | 'focusArea', goal?: Goal) => edit({ level, ...(goal ? { goal } : {}) });
  const write = (level: 'organizer' | 'focusArea'): ConflictWrite<Goal, GoalDraft> => (draft, base, editedFrom) => {
    if (base) return api.updateGoal(base, goalChanges(editedFrom ?? base, draft));
    return api.createGoal({
      level, title: draft.title, schoolYear,
      ...(draft.description ? { description: draft.description } : {}),
      ...(draft.parentGoalId ? { parentGoalId: draft.parentGoalId } : {}),
    });
  };

  return (
    <div className={styles.root} data-testid="organizer-goals">
      <Text as="h2" size={500} weight="semibold">{t('channel.goalsTitle', { schoolYear })}</Text>
      <Text>{t('organizer.goalsIntro')}</Text>
      {canEdit && (
        <div className={styles.bar}>
          <Button appearance="primary" onClick={() => open('organizer')}>{t('organizer.goalNewBoard')}</Button>
          <Button onClick={() => open('focusArea')}>{t('organizer.goalNewArea')}</Button>
        </div>
      )}
      {notice && <MessageBar intent="success" role="status"><MessageBarBody>{notice}</MessageBarBody></MessageBar>}
      {error !== null && <ProblemBar error={error} />}
      <GoalTreeView
        tree={tree}
        unitNames={unitNames}
        {...(canEdit ? {
          actions: {
            canEdit: (goal: Goal) => goal.unitId === undefined,
            onEdit: (goal: Goal) => open(goal.level === 'focusArea' ? 'focusArea' : 'organizer', goal),
            onRemove: handleRemove,
          },
        } : {})}
      />
      {editing && (
        <GoalDialog
          heading={t(editing.goal ? 'channel.goalEdit' : editing.level === 'organizer' ? 'organizer.goalNewBoard' : 'organizer.goalNewArea')}
          {...(editing.goal ? { goal: editing.goal } : {})}
          parents={editing.level === 'focusArea' ? boardGoals : []}
          parentRequired={false}
          write={write(editing.level)}
          onSaved={handleSaved}
          onClose={close}
        />
      )}
    </div>
  );
}
