import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { OtherUnit } from '../../../../src/contract';
import { useI18n } from '../../i18n/i18n';
import { AnalysisReading } from '../../organizer/feedback/analysis-reading';
import { Contacts } from './contacts';

const useStyles = makeStyles({
  root: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, overflowWrap: 'anywhere',
  },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

/** One other unit's published work: whom to ask, its submitted analyses, its actions and how they went. Read only. */
export function UnitWork({ unit }: { unit: OtherUnit }) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const periodOf = new Map(unit.analyses.map((analysis) => [analysis.id, analysis.period]));
  const headingId = `other-unit-${unit.unitId}`;
  return (
    <article className={styles.root} aria-labelledby={headingId} data-testid={headingId}>
      <Text as="h3" id={headingId} size={500} weight="semibold">{unit.name}</Text>
      <Text size={200}>{t(`vocab.unitType.${unit.type}`)}</Text>
      <Text weight="semibold">{t('otherUnits.whomToAsk')}</Text>
      <Contacts contacts={unit.principals} />
      {unit.analyses.length === 0 && unit.actions.length === 0 && <Text as="p">{t('otherUnits.nothingYet')}</Text>}
      {unit.analyses.map((analysis) => <AnalysisReading key={analysis.id} analysis={analysis} level={4} />)}
      {unit.actions.length > 0 && (
        <section className={styles.item} aria-labelledby={`${headingId}-actions`}>
          <Text as="h4" id={`${headingId}-actions`} weight="semibold">{t('otherUnits.actions')}</Text>
          <ul className={styles.list}>
            {unit.actions.map((action) => {
              const period = action.analysisId !== undefined ? periodOf.get(action.analysisId) : undefined;
              return (
                <li key={action.id} className={styles.item}>
                  <Text weight="semibold">{action.title}</Text>
                  <Text size={200}>
                    {t(`vocab.actionStatus.${action.status}`)} · {t('otherUnits.dueBy', { date: format.date(action.dueDate) })}
                    {period !== undefined && ` · ${t('otherUnits.fromAnalysis')} ${period}`}
                  </Text>
                  {action.description && <Text as="p">{action.description}</Text>}
                  <Text>{t('vocab.question.evaluation')} {action.evaluation ?? t('channel.notEvaluated')}</Text>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </article>
  );
}
