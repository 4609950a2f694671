import { Button, Field, Link, MessageBar, MessageBarBody, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useSession } from '../../auth/session';
import { ProblemBar } from '../../components/problem-bar';
import { useI18n } from '../../i18n/i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px', alignItems: 'flex-start' },
  progress: { width: '100%' },
});

type Progress = { step: 'idle' } | { step: 'document' } | { step: 'done'; url: string; fileName: string } | { step: 'error'; error: unknown };

/** Rapport: has the server build the unit's quality report and downloads it as .docx, showing progress. */
export default function ReportView({ unitId }: { unitId: string }) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const { api } = useSession();
  const [progress, setProgress] = useState<Progress>({ step: 'idle' });
  const doneUrl = progress.step === 'done' ? progress.url : undefined;
  useEffect(() => () => {
    if (doneUrl) URL.revokeObjectURL(doneUrl);
  }, [doneUrl]);

  const handleExport = async () => {
    try {
      setProgress({ step: 'document' });
      const { blob, fileName } = await api.unitReport(unitId, i18n.language);
      const url = URL.createObjectURL(blob);
      setProgress({ step: 'done', url, fileName });
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = fileName;
      anchor.click();
    } catch (error) {
      setProgress({ step: 'error', error });
    }
  };

  const busy = progress.step === 'document';
  return (
    <section className={styles.root} data-testid="report" aria-labelledby="report-heading">
      <Text as="h2" id="report-heading" size={500} weight="semibold">{t('common.qualityReport')}</Text>
      <Text>{t('channel.reportIntro')}</Text>
      <Button appearance="primary" disabled={busy} onClick={() => void handleExport()}>{t('channel.reportExport')}</Button>
      {busy && (
        <Field className={styles.progress} label={t('channel.reportProgress')} validationState="none" validationMessage={t('channel.reportStepDocument')}>
          <ProgressBar />
        </Field>
      )}
      {progress.step === 'done' && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t('channel.reportDone')} <Link href={progress.url} download={progress.fileName}>{t('channel.reportDownloadAgain')}</Link></MessageBarBody>
        </MessageBar>
      )}
      {progress.step === 'error' && <ProblemBar error={progress.error} />}
    </section>
  );
}
