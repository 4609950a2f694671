import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Contact } from '../../../../src/contract';
import { useI18n } from '../../i18n/i18n';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXXS },
  item: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, overflowWrap: 'anywhere' },
});

/** A unit's principals, the ones to ask: each by name, with a Teams chat link when their address is known. */
export function Contacts({ contacts }: { contacts: readonly Contact[] }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <ul className={styles.list}>
      {contacts.map((contact) => (
        <li key={contact.userId} className={styles.item}>
          <Text>{contact.name}</Text>
          {contact.chatUrl && <Link href={contact.chatUrl} target="_blank" rel="noreferrer">{t('otherUnits.chatWith', { name: contact.name })}</Link>}
        </li>
      ))}
    </ul>
  );
}
