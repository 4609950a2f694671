import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { AreaNode, Goal, GoalTree, UnitGoalNode } from '../../../../src/contract';
import { dueDateLine } from '../../../../src/domain/vocabulary';
import { useI18n } from '../../i18n/i18n';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  nested: { listStyleType: 'none', margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}` },
  node: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  board: { padding: tokens.spacingHorizontalM, borderRadius: tokens.borderRadiusMedium, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  actions: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  preWrap: { whiteSpace: 'pre-wrap' },
});

/** What the tree lets the viewer do with a goal, when anything. */
export interface GoalTreeActions {
  canEdit: (goal: Goal) => boolean;
  onEdit: (goal: Goal) => void;
  onRemove: (goal: Goal) => void;
}

function GoalButtons({ goal, actions }: { goal: Goal; actions: GoalTreeActions | undefined }) {
  const { t } = useI18n();
  if (!actions?.canEdit(goal)) return null;
  return (
    <>
      <Button size="small" onClick={() => actions.onEdit(goal)} aria-label={t('common.editNamed', { title: goal.title })}>{t('common.edit')}</Button>
      <Button size="small" onClick={() => actions.onRemove(goal)} aria-label={t('channel.goalRemoveNamed', { title: goal.title })}>{t('common.remove')}</Button>
    </>
  );
}

function UnitGoals({ nodes, unitNames, actions }: { nodes: readonly UnitGoalNode[]; unitNames: ReadonlyMap<string, string> | undefined; actions: GoalTreeActions | undefined }) {
  const styles = useStyles();
  const { t, format } = useI18n();
  if (nodes.length === 0) return <Text size={200}>{t('channel.goalNoUnitGoals')}</Text>;
  return (
    <ul className={styles.nested}>
      {nodes.map(({ goal, actions: done }) => {
        const live = done.filter((a) => a.status !== 'cancelled');
        return (
          <li key={goal.id} className={styles.node} data-goal={goal.id}>
            <span className={styles.line}>
              <Badge appearance="outline" color="informative">{t('vocab.goalLevel.unit')}</Badge>
              <Text as="h5" weight="semibold">{goal.title}</Text>
              {unitNames && goal.unitId && <Text size={200}>{unitNames.get(goal.unitId) ?? goal.unitId}</Text>}
              <GoalButtons goal={goal} actions={actions} />
            </span>
            {goal.description && <Text size={200} className={styles.preWrap}>{goal.description}</Text>}
            <Text size={200}>{t('channel.goalProgress', { done: live.filter((a) => a.status === 'done').length, total: live.length })}</Text>
            {done.length === 0 ? <Text size={200}>{t('common.noActionsYet')}</Text> : (
              <ul className={styles.actions}>
                {done.map((a) => (
                  <li key={a.id}>
                    <Text>{a.title}</Text>{' '}
                    <Badge appearance="tint" color={a.status === 'done' ? 'success' : a.status === 'cancelled' ? 'subtle' : 'brand'}>{t(`vocab.actionStatus.${a.status}`)}</Badge>{' '}
                    <Text size={200}>{dueDateLine(a.dueDate, format)}</Text>
                    {a.evaluation && <Text as="p" size={200} className={styles.preWrap}>{`${t('vocab.question.evaluation')} ${a.evaluation}`}</Text>}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function Areas({ nodes, unitNames, actions }: { nodes: readonly AreaNode[]; unitNames: ReadonlyMap<string, string> | undefined; actions: GoalTreeActions | undefined }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <ul className={styles.nested}>
      {nodes.map((area) => (
        <li key={area.goal.id} className={styles.node} data-goal={area.goal.id}>
          <span className={styles.line}>
            <Badge appearance="tint" color="important">{t('vocab.goalLevel.focusArea')}</Badge>
            <Text as="h4" weight="semibold">{area.goal.title}</Text>
            <GoalButtons goal={area.goal} actions={actions} />
          </span>
          {area.goal.description && <Text size={200} className={styles.preWrap}>{area.goal.description}</Text>}
          <UnitGoals nodes={area.unitGoals} unitNames={unitNames} actions={actions} />
        </li>
      ))}
    </ul>
  );
}

/**
 * A school year's goal hierarchy: each organizer goal (nämndmål), the areas under it, the units'
 * goals under those, and under each unit goal its actions with status and evaluation.
 */
export function GoalTreeView({ tree, unitNames, actions }: { tree: GoalTree; unitNames?: ReadonlyMap<string, string>; actions?: GoalTreeActions }) {
  const styles = useStyles();
  const { t } = useI18n();
  const empty = tree.organizerGoals.length === 0 && tree.areas.length === 0 && tree.unplacedUnitGoals.length === 0;
  if (empty) return <Text>{t('channel.goalsEmpty')}</Text>;
  return (
    <div className={styles.list} data-testid="goal-tree">
      <ol className={styles.list}>
        {tree.organizerGoals.map((node) => (
          <li key={node.goal.id} className={`${styles.node} ${styles.board}`} data-goal={node.goal.id}>
            <span className={styles.line}>
              <Badge appearance="filled" color="brand">{t('vocab.goalLevel.organizer')}</Badge>
              <Text as="h3" size={400} weight="semibold">{node.goal.title}</Text>
              <GoalButtons goal={node.goal} actions={actions} />
            </span>
            {node.goal.description && <Text className={styles.preWrap}>{node.goal.description}</Text>}
            {node.areas.length > 0 && <Areas nodes={node.areas} unitNames={unitNames} actions={actions} />}
            {(node.unitGoals.length > 0 || node.areas.length === 0) && <UnitGoals nodes={node.unitGoals} unitNames={unitNames} actions={actions} />}
          </li>
        ))}
      </ol>
      {tree.areas.length > 0 && (
        <section className={`${styles.node} ${styles.board}`} aria-labelledby="areas-alone">
          <Text as="h3" id="areas-alone" size={400} weight="semibold">{t('channel.goalAreasAlone')}</Text>
          <Areas nodes={tree.areas} unitNames={unitNames} actions={actions} />
        </section>
      )}
      {tree.unplacedUnitGoals.length > 0 && (
        <section className={`${styles.node} ${styles.board}`} aria-labelledby="goals-unplaced">
          <Text as="h3" id="goals-unplaced" size={400} weight="semibold">{t('channel.goalUnplaced')}</Text>
          <UnitGoals nodes={tree.unplacedUnitGoals} unitNames={unitNames} actions={actions} />
        </section>
      )}
    </div>
  );
}
