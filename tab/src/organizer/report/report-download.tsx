import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ProblemBar } from '../../components/problem-bar';
import { useOrganizer } from '../organizer-context';
import { useI18n } from '../../i18n/i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, alignItems: 'flex-start', maxWidth: '720px' },
});

/** The file name the server also proposes: kvalitetsrapport-2025-26.docx. */
export function reportFileName(schoolYear: string): string {
  return `kvalitetsrapport-${schoolYear.replace('/', '-')}.docx`;
}

/** Kvalitetsrapport: the municipality's report (.docx) for the school year; the board's copy has no owners. */
export default function ReportDownload() {
  const styles = useStyles();
  const { t } = useI18n();
  const { api, canEdit, schoolYear } = useOrganizer();
  const [state, setState] = useState<{ status: 'idle' } | { status: 'busy' } | { status: 'done'; file: string } | { status: 'error'; error: unknown }>({ status: 'idle' });
  const handleDownload = async () => {
    setState({ status: 'busy' });
    try {
      const blob = await api.qualityReport(schoolYear);
      const file = reportFileName(schoolYear);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = file;
      document.body.append(link);
      link.click();
      link.remove();
      // Revoked later: some browsers read the URL after click() returns.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState({ status: 'done', file });
    } catch (error) {
      setState({ status: 'error', error });
    }
  };
  return (
    <div className={styles.root} data-testid="report">
      <Text as="h2" size={500} weight="semibold">{t('organizer.reportTitle')}</Text>
      <Text>{t('organizer.reportIntro')}</Text>
      {!canEdit && <Text>{t('organizer.reportBoardIntro')}</Text>}
      <Button appearance="primary" onClick={() => void handleDownload()} disabled={state.status === 'busy'}>{t('organizer.reportDownload')}</Button>
      {state.status === 'busy' && <Spinner size="small" label={t('organizer.reportDownloading')} />}
      {state.status === 'done' && <MessageBar intent="success" role="status"><MessageBarBody>{t('organizer.reportReady', { file: state.file })}</MessageBarBody></MessageBar>}
      {state.status === 'error' && <ProblemBar error={state.error} />}
    </div>
  );
}
