import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { OtherUnits } from '../../../../src/contract';
import { useI18n } from '../../i18n/i18n';
import { Contacts } from './contacts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  units: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** The municipality's focus areas of the year, each with the other units working on it and whom to ask there. */
export function CommonAreas({ data }: { data: OtherUnits }) {
  const styles = useStyles();
  const { t } = useI18n();
  const unitById = new Map(data.units.map((unit) => [unit.unitId, unit]));
  return (
    <section className={styles.root} aria-labelledby="common-areas-heading">
      <Text as="h3" id="common-areas-heading" size={400} weight="semibold">{t('otherUnits.commonAreas')}</Text>
      <Text as="p">{t('otherUnits.commonAreasIntro')}</Text>
      {data.focusAreas.length === 0 ? <Text as="p">{t('otherUnits.noCommonAreas')}</Text> : (
        <ul className={styles.list}>
          {data.focusAreas.map((area) => (
            <li key={area.focusAreaId}>
              <Text as="h4" block weight="semibold">{area.title}</Text>
              {area.unitIds.length === 0 ? <Text as="p" size={200}>{t('otherUnits.nobodyOnArea')}</Text> : (
                <ul className={styles.units} aria-label={t('otherUnits.whomToAsk')}>
                  {area.unitIds.flatMap((unitId) => {
                    const unit = unitById.get(unitId);
                    return unit ? [<li key={unitId}><Text block weight="semibold">{unit.name}</Text><Contacts contacts={unit.principals} /></li>] : [];
                  })}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
