import { Link, Text } from '@fluentui/react-components';
import type { Setup } from '../../../src/contract';
import { useSession } from '../auth/session';
import { ProblemBar } from '../components/problem-bar';
import { StatusScreen } from '../components/status-screen';
import { useLoad } from '../hooks/use-load';
import { useI18n } from '../i18n/i18n';
import { pageViews, searchWith } from '../route';

/** How to reach the administration: its name, and its address when the configuration gives one. */
function contactOf(setup: Setup): string {
  return setup.contact.email ? `${setup.contact.name} (${setup.contact.email})` : setup.contact.name;
}

/**
 * The page of someone the product cannot show a unit yet: the administration is pointed to the
 * set-up guide; anyone else is told it is not set up yet (or that they are in no unit yet) and whom
 * to ask. Inside a channel that is not bound to a unit, who configures the tab.
 */
export function NotSetUp({ inChannel }: { inChannel: boolean }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [loaded] = useLoad(async () => {
    const [me, setup] = await Promise.all([api.me(), api.call('GET /setup', {})]);
    return { administration: me.appRoles.includes('Administration'), setup };
  }, 'setup');
  if (loaded.status === 'loading') return <StatusScreen busy message={t('common.loading')} />;
  if (loaded.status === 'error') return <StatusScreen title={t('common.errorTitle')}><ProblemBar error={loaded.error} /></StatusScreen>;
  const { administration, setup } = loaded.data;
  const { configured } = setup;
  if (administration && !configured) {
    return (
      <StatusScreen title={t('setup.emptyTitle')} message={t('setup.emptyAdministration')}>
        <Link href={searchWith(window.location.search, { view: pageViews.organizer, section: 'setup' })}>{t('setup.openGuide')}</Link>
      </StatusScreen>
    );
  }
  if (configured && inChannel) return <StatusScreen title={t('channel.noUnitTitle')} message={t('channel.noUnitConfigured')} />;
  return (
    <StatusScreen title={t(configured ? 'setup.noUnitYetTitle' : 'setup.notSetUpTitle')} message={t(configured ? 'setup.noUnitYet' : 'setup.notSetUp', { contact: contactOf(setup) })}>
      <Text size={200}>{t('setup.notSetUpAfter')}</Text>
    </StatusScreen>
  );
}
