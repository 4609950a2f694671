import { Button, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { countedParticipantRoles, participantRoles } from '../../../../src/domain/choices';
import type { ParticipantRole } from '../../../../src/domain';
import { useI18n } from '../../i18n/i18n';
import type { ParticipantRow } from './analysis-draft';

const useStyles = makeStyles({
  rows: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

/** Who took part, by role: staff are named, pupils, children and guardians only counted. */
export function ParticipantsEditor({ rows, onChange, readOnly }: { rows: ParticipantRow[]; onChange: (rows: ParticipantRow[]) => void; readOnly: boolean }) {
  const styles = useStyles();
  const { t } = useI18n();
  const update = (index: number, patch: Partial<ParticipantRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <fieldset>
      <legend><Text weight="semibold">{t('vocab.term.participants')}</Text></legend>
      <Text size={200} block>{t('common.countedNotNamed')}</Text>
      <ul className={styles.rows}>
        {rows.map((row, index) => {
          const counted = countedParticipantRoles.includes(row.role);
          return (
            <li key={index} className={styles.row}>
              <Select aria-label={`${t('channel.participantRole')} ${index + 1}`} value={row.role} disabled={readOnly} onChange={(_, d) => update(index, { role: d.value as ParticipantRole })}>
                {participantRoles.map((role) => <option key={role} value={role}>{t(`vocab.participantRole.${role}`)}</option>)}
              </Select>
              {counted ? (
                <Input type="number" min={1} aria-label={`${t('vocab.unitOfMeasure.count')} ${index + 1}`} value={row.count} disabled={readOnly} onChange={(_, d) => update(index, { count: d.value })} />
              ) : (
                <Input aria-label={`${t('channel.participantName')} ${index + 1}`} value={row.displayName} disabled={readOnly} onChange={(_, d) => update(index, { displayName: d.value })} />
              )}
              {!readOnly && <Button onClick={() => onChange(rows.filter((_, i) => i !== index))}>{t('channel.removeParticipant', { n: index + 1 })}</Button>}
            </li>
          );
        })}
      </ul>
      {!readOnly && <Button onClick={() => onChange([...rows, { role: 'teacher', displayName: '', count: '' }])}>{t('channel.addParticipant')}</Button>}
    </fieldset>
  );
}
