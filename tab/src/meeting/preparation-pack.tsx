import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Action, Analysis, FollowUpTemplate, Indicator, Measurement, Meeting } from '../../../src/contract';
import { useSession } from '../auth/session';
import { ProblemBar } from '../components/problem-bar';
import { useLoad } from '../hooks/use-load';
import { dueDateLine } from '../../../src/domain/vocabulary';
import { useI18n } from '../i18n/i18n';
import { ResultsTable } from './results-table';
import { TemplateQuestions } from './template-questions';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginBlockEnd: tokens.spacingVerticalL },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  pre: { whiteSpace: 'pre-wrap' },
});

interface Pack {
  results: readonly Measurement[];
  indicators: readonly Indicator[];
  openActions: readonly Action[];
  lastAnalysis?: Analysis;
}

/**
 * What to read before the meeting: the meeting type's questions to prepare, results recorded since
 * the unit's last results conference (all results when there was none), the open actions, and the
 * latest analysis.
 */
export function PreparationPack(props: { meeting: Pick<Meeting, 'id' | 'startsAt'>; unitId: string; template: FollowUpTemplate | null }) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const { api } = useSession();
  const [pack] = useLoad(async (): Promise<Pack> => {
    const [meetings, measurements, indicators, open, analyses] = await Promise.all([
      api.meetings(props.unitId), api.measurements(props.unitId), api.indicators(), api.actions(props.unitId, 'open'), api.analyses(props.unitId),
    ]);
    const last = meetings.items
      .filter((m) => m.id !== props.meeting.id && m.type === 'resultsConference' && m.startsAt < props.meeting.startsAt)
      .sort((a, b) => b.startsAt.localeCompare(a.startsAt))[0];
    const results = measurements.items.filter((m) => !last || m.createdAt > last.startsAt);
    const lastAnalysis = [...analyses.items].sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt))[0];
    return { results, indicators: indicators.items, openActions: open.items, ...(lastAnalysis ? { lastAnalysis } : {}) };
  }, `${props.unitId}:${props.meeting.id}`);

  if (pack.status === 'loading') return <Text>{t('common.loading')}</Text>;
  if (pack.status === 'error') return <ProblemBar error={pack.error} />;
  const { results, indicators, openActions, lastAnalysis } = pack.data;
  return (
    <div data-testid="preparation-pack">
      <section className={styles.section} aria-labelledby="kh-prep-questions">
        <Text as="h2" id="kh-prep-questions" size={500} weight="semibold">{t('common.questionsBefore')}</Text>
        <TemplateQuestions template={props.template} show="before" />
      </section>
      <section className={styles.section} aria-labelledby="kh-prep-results">
        <Text as="h2" id="kh-prep-results" size={500} weight="semibold">{t('meeting.preparationResults')}</Text>
        {results.length === 0 ? <Text>{t('meeting.preparationResultsEmpty')}</Text> : <ResultsTable measurements={results} indicators={indicators} />}
      </section>
      <section className={styles.section} aria-labelledby="kh-prep-actions">
        <Text as="h2" id="kh-prep-actions" size={500} weight="semibold">{t('common.openActions')}</Text>
        {openActions.length === 0 ? <Text>{t('common.noActionsYet')}</Text> : (
          <ul className={styles.list}>
            {openActions.map((action) => (
              <li key={action.id}>
                <Text weight="semibold">{action.title}</Text>
                <Text> · {t('vocab.term.owner')}: {action.ownerName ?? action.ownerId} · {dueDateLine(action.dueDate, format)} · {t(`vocab.actionStatus.${action.status}`)}</Text>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={styles.section} aria-labelledby="kh-prep-analysis">
        <Text as="h2" id="kh-prep-analysis" size={500} weight="semibold">{t('meeting.preparationLastAnalysis')}</Text>
        {!lastAnalysis ? <Text>{t('common.noAnalysisYet')}</Text> : (
          <>
            <Text>{lastAnalysis.period} · {t(`vocab.analysisStatus.${lastAnalysis.status}`)}</Text>
            {lastAnalysis.causes && (
              <>
                <Text weight="semibold">{t('meeting.analysisCauses')}</Text>
                <Text className={styles.pre}>{lastAnalysis.causes}</Text>
              </>
            )}
          </>
        )}
      </section>
    </div>
  );
}
