import { Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useI18n } from '../i18n/i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  // every line shows, in the page's own text colour; long words wrap rather than widen the page
  value: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', color: tokens.colorNeutralForeground1 },
});

/**
 * A field of a form shown read-only (a submitted analysis, a board member's view): its label and
 * its value as text in full contrast, all of it, never a disabled control in grey.
 * A `list` (one entry a line: strengths) shows as a list; empty, the field says "Inte ifyllt."
 */
export function ReadOnlyField(props: { label: string; value: string; list?: boolean }) {
  const styles = useStyles();
  const { t } = useI18n();
  const labelId = useId('read-only');
  const lines = props.value.split('\n').filter((line) => line.trim() !== '');
  const value = lines.length === 0 ? <Text className={styles.value}>{t('common.notFilledIn')}</Text>
    : props.list ? <ul className={styles.value}>{lines.map((line, index) => <li key={index}>{line}</li>)}</ul>
    : <Text className={styles.value}>{props.value.trim()}</Text>;
  return (
    <div className={styles.root} role="group" aria-labelledby={labelId}>
      <Text id={labelId} weight="semibold">{props.label}</Text>
      {value}
    </div>
  );
}
