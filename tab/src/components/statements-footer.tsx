import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { statementHref, statementKeys, statementNames, statementsMenuName } from '../../../src/domain/statements';
import { useI18n } from '../i18n/i18n';
import { VisuallyHidden } from './visually-hidden';

const useStyles = makeStyles({
  root: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  list: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyleType: 'none' },
});

/**
 * The public statements (privacy, terms of use, accessibility) linked from every page of the tab,
 * in the tab's language. They open outside Teams: they are the municipality's published pages.
 */
export function StatementsFooter() {
  const styles = useStyles();
  const { language, t } = useI18n();
  return (
    <footer className={styles.root}>
      <nav aria-label={statementsMenuName[language]}>
        <ul className={styles.list}>
          {statementKeys.map((key) => (
            <li key={key}>
              <Link href={statementHref(key, language)} target="_blank" rel="noopener">
                {statementNames[key][language]}
                <VisuallyHidden> {t('common.opensInNewWindow')}</VisuallyHidden>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </footer>
  );
}
