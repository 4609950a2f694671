import { Button, Card, CardHeader, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { DevPersona } from '../../../src/contract';
import { useI18n } from '../i18n/i18n';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
    gap: tokens.spacingHorizontalM,
    listStyleType: 'none',
    padding: 0,
    margin: 0,
  },
  card: { height: '100%' },
});

/** Local mode's sign-in: one card per demo persona, each a real button. */
export function PersonaPicker({ personas, onPick }: { personas: DevPersona[]; onPick: (persona: DevPersona) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  if (personas.length === 0) return <Text>{t('common.personasEmpty')}</Text>;
  return (
    <ul className={styles.list} aria-label={t('common.signInTitle')}>
      {personas.map((persona) => (
        <li key={persona.id}>
          <Card className={styles.card}>
            <CardHeader
              header={<Text weight="semibold">{persona.name}</Text>}
              description={<Text size={200}>{[persona.title, persona.roleDescription].filter(Boolean).join(' · ')}</Text>}
            />
            <Button appearance="primary" onClick={() => onPick(persona)} aria-label={t('common.signInAs', { name: persona.name })}>
              {t('common.signInAs', { name: persona.name })}
            </Button>
          </Card>
        </li>
      ))}
    </ul>
  );
}
