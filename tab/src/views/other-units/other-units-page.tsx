import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy } from 'react';
import { SignedInAs } from '../../components/signed-in-as';
import { StatusScreen } from '../../components/status-screen';
import { useI18n } from '../../i18n/i18n';
import { pageViews, searchOutsideUnit } from '../../route';

const OtherUnitsView = lazy(() => import('./other-units-view'));

const useStyles = makeStyles({
  header: {
    display: 'flex', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  who: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  body: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}` },
});

/** Andra enheter as the chooser opens it (`?view=other-units`): outside any unit, with the way back to the chooser. */
export default function OtherUnitsPage() {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <>
      <header className={styles.header}>
        <div className={styles.title}>
          <Text as="h1" size={500} weight="semibold">{t('common.appName')}</Text>
          <Link href={searchOutsideUnit(window.location.search, pageViews.unitChooser)}>{t('channel.chooseUnit')}</Link>
        </div>
        <SignedInAs className={styles.who} />
      </header>
      <main className={styles.body}>
        <Suspense fallback={<StatusScreen as="div" busy message={t('common.loading')} />}>
          <OtherUnitsView />
        </Suspense>
      </main>
    </>
  );
}
