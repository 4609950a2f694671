import { Button, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { countedParticipantRoles, participantRoles } from '../../../../src/domain/choices';
import { useI18n, type Translate } from '../../i18n/i18n';
import type { ParticipantRow } from './analysis-draft';

const useStyles = makeStyles({
  rows: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
});

/** A row as a reader says it: "Lärare: Elin Berg", "Elever: 12". */
export function participantLine(row: ParticipantRow, t: Translate): string {
  const role = t(`vocab.participantRole.${row.role}`);
  const who = countedParticipantRoles.includes(row.role) ? row.count : row.displayName.trim();
  return who ? `${role}: ${who}` : role;
}

/**
 * Who took part, by role: staff are named, pupils, children and guardians only counted. Read
 * only (a submitted analysis), it is a plain list in full contrast, not disabled fields.
 */
export function ParticipantsEditor({ rows, onChange, readOnly }: { rows: ParticipantRow[]; onChange: (rows: ParticipantRow[]) => void; readOnly: boolean }) {
  const styles = useStyles();
  const { t } = useI18n();
  const update = (index: number, patch: Partial<ParticipantRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  if (readOnly) {
    return (
      <section aria-labelledby="participants-heading">
        <Text as="h3" id="participants-heading" weight="semibold" block>{t('vocab.term.participants')}</Text>
        {rows.length === 0 ? <Text>{t('common.none')}</Text> : (
          <ul>{rows.map((row, index) => <li key={index}><Text>{participantLine(row, t)}</Text></li>)}</ul>
        )}
      </section>
    );
  }
  return (
    <fieldset>
      <legend><Text weight="semibold">{t('vocab.term.participants')}</Text></legend>
      <Text size={200} block>{t('common.countedNotNamed')}</Text>
      <ul className={styles.rows}>
        {rows.map((row, index) => {
          const counted = countedParticipantRoles.includes(row.role);
          return (
            <li key={index} className={styles.row}>
              <Field label={t('channel.participantRole')}>
                <Select value={row.role} onChange={(_, d) => update(index, { role: participantRoles.find((role) => role === d.value) ?? row.role })}>
                  {participantRoles.map((role) => <option key={role} value={role}>{t(`vocab.participantRole.${role}`)}</option>)}
                </Select>
              </Field>
              {counted ? (
                <Field label={t('vocab.unitOfMeasure.count')}>
                  <Input type="number" min={1} value={row.count} onChange={(_, d) => update(index, { count: d.value })} />
                </Field>
              ) : (
                <Field label={t('channel.participantName')}>
                  <Input value={row.displayName} onChange={(_, d) => update(index, { displayName: d.value })} />
                </Field>
              )}
              <Button onClick={() => onChange(rows.filter((_, i) => i !== index))}>{t('channel.removeParticipant', { who: participantLine(row, t) })}</Button>
            </li>
          );
        })}
      </ul>
      <Button onClick={() => onChange([...rows, { role: 'teacher', displayName: '', count: '' }])}>{t('channel.addParticipant')}</Button>
    </fieldset>
  );
}
