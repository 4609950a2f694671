import { Link, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useI18n } from '../../i18n/i18n';
import type { ImportNotice } from './import-notice';

const useStyles = makeStyles({
  banner: {
    display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, marginBottom: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2,
    // the edge carries the state for a quick look; the words carry it for everyone (high contrast keeps the border)
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, borderLeftWidth: tokens.strokeWidthThickest,
  },
  running: { borderLeftColor: tokens.colorBrandStroke1 },
  done: { borderLeftColor: tokens.colorPaletteGreenBorder2 },
  failed: { borderLeftColor: tokens.colorPaletteRedBorder2 },
});

/**
 * A result import on the organizer's front view: how far a running one got and when it is done,
 * that it finished, or that it failed, with a link to the import view. The live region is always
 * there (empty without a notice), so a screen reader hears each change, politely.
 */
export function ImportBanner({ notice, onOpen }: { notice: ImportNotice; onOpen: () => void }) {
  const styles = useStyles();
  const { t, format } = useI18n();
  return (
    <div role="status" aria-live="polite" data-testid="import-notice">
      {notice.kind !== 'none' && (
        <div className={mergeClasses(styles.banner, styles[notice.kind])}>
          <Text>{noticeText(notice, t, format)}</Text>
          <Link as="button" onClick={onOpen}>{t('organizer.importNoticeOpen')}</Link>
        </div>
      )}
    </div>
  );
}

type I18n = ReturnType<typeof useI18n>;

function noticeText(notice: Exclude<ImportNotice, { kind: 'none' }>, t: I18n['t'], format: I18n['format']): string {
  const { job } = notice;
  switch (notice.kind) {
    case 'running':
      if (job.state === 'queued') return t('organizer.importQueued');
      return job.estimatedEnd
        ? t('organizer.importNoticeRunning', { done: job.written, total: job.total, time: format.time(job.estimatedEnd) })
        : t('organizer.importNoticeRunningNoEnd', { done: job.written, total: job.total });
    case 'done':
      return t('organizer.importDone', { created: job.created, updated: job.updated, unchanged: job.unchanged });
    case 'failed':
      return t('organizer.importFailed', { reason: job.failure ?? '' });
  }
}
