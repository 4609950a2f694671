import { Link } from '@fluentui/react-components';
import type { Me } from '../../../src/contract';
import { canOpenOrganizer } from '../auth/permissions';
import { useI18n } from '../i18n/i18n';
import { pageViews, searchWith } from '../route';

/** The organizer's view from another page: this page with `view=organizer`, keeping theme and language. */
export function organizerHref(search: string): string {
  return searchWith(search, { view: pageViews.organizer });
}

/** The link to the organizer's level the person's role allows, named for that role, or null. */
export function organizerLinkLabel(me: Pick<Me, 'appRoles'>): 'common.organizerView' | 'common.boardRollup' | null {
  if (!canOpenOrganizer(me)) return null;
  return me.appRoles.includes('Administration') ? 'common.organizerView' : 'common.boardRollup';
}

/** The administration's and the board's way to their own level (nothing for anyone else). */
export function OrganizerLink({ me }: { me: Pick<Me, 'appRoles'> }) {
  const { t } = useI18n();
  const label = organizerLinkLabel(me);
  if (!label) return null;
  return (
    <nav aria-label={t('channel.myActionsMoreViews')}>
      <Link href={organizerHref(window.location.search)}>{t(label)}</Link>
    </nav>
  );
}
