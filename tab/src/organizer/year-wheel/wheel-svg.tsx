import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { KeyboardEvent } from 'react';
import type { I18n } from '../../i18n/i18n';
import { useI18n } from '../../i18n/i18n';
import type { YearWheelActivity } from '../../../../src/contract';
import { markPosition, polar, sectorOf, sectorPath, wheelMonths } from './wheel-geometry';

const useStyles = makeStyles({
  svg: { width: '100%', maxWidth: '520px', height: 'auto' },
  sectorEven: { fill: tokens.colorNeutralBackground3, stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  sectorOdd: { fill: tokens.colorNeutralBackground2, stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  month: { fill: tokens.colorNeutralForeground1, fontSize: '13px', fontWeight: 600 },
  centre: { fill: tokens.colorNeutralForeground1, fontSize: '16px', fontWeight: 600 },
  mark: {
    fill: tokens.colorBrandBackground, stroke: tokens.colorNeutralForeground1, strokeWidth: 1.5, cursor: 'pointer',
    ':focus-visible': { outline: 'none', stroke: tokens.colorStrokeFocus2, strokeWidth: 4 },
  },
  // A unit's own activity is hollow as well as named so in its label: not colour alone.
  own: { fill: tokens.colorNeutralBackground1, stroke: tokens.colorBrandForeground1, strokeWidth: 3 },
  selected: { stroke: tokens.colorStrokeFocus2, strokeWidth: 4 },
});

const size = 520;
const c = size / 2;

/** The name a mark is announced by: title, kind, date and whose it is. */
export function activityName(activity: YearWheelActivity, { t, format }: Pick<I18n, 't' | 'format'>, unitName?: string): string {
  const whose = activity.unitId ? t('organizer.wheelUnitOwn', { unit: unitName ?? activity.unitId }) : t('organizer.wheelMunicipality');
  return `${activity.title}, ${t(`vocab.activityKind.${activity.kind}`)}, ${format.date(activity.date)}, ${whose}`;
}

/**
 * The year as a wheel: twelve month sectors from July, each activity a mark on its day. Marks are
 * buttons in the tab order (by date), each announcing its activity; Enter or Space selects one.
 */
export function WheelSvg(props: {
  schoolYear: string;
  activities: readonly YearWheelActivity[];
  unitNames: ReadonlyMap<string, string>;
  selectedId?: string;
  onSelect: (activity: YearWheelActivity) => void;
}) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t, format } = i18n;
  const monthNames = wheelMonths.map((m) => format.month(m, 'short'));
  const sorted = [...props.activities].sort((a, b) => a.date.localeCompare(b.date));
  const perSector = new Map<number, number>();
  const handleKey = (event: KeyboardEvent<SVGCircleElement>, activity: YearWheelActivity) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      props.onSelect(activity);
    }
  };
  return (
    <svg className={styles.svg} viewBox={`0 0 ${size} ${size}`} role="group" aria-label={t('organizer.wheelLabel', { schoolYear: props.schoolYear, count: sorted.length })} data-testid="year-wheel-svg">
      {wheelMonths.map((_, i) => {
        const label = polar(c, c, 236, (i + 0.5) / 12);
        return (
          <g key={i} aria-hidden="true">
            <path className={i % 2 === 0 ? styles.sectorEven : styles.sectorOdd} d={sectorPath(c, c, 70, 220, i)} />
            <text className={styles.month} x={label.x} y={label.y + 4} textAnchor="middle">{monthNames[i]}</text>
          </g>
        );
      })}
      <text className={styles.centre} x={c} y={c + 5} textAnchor="middle" aria-hidden="true">{props.schoolYear}</text>
      {sorted.map((activity) => {
        const sector = sectorOf(activity.date);
        const slot = perSector.get(sector) ?? 0;
        perSector.set(sector, slot + 1);
        const at = markPosition(activity.date, slot, c, c, [190, 160, 130, 100]);
        const classes = mergeClasses(styles.mark, activity.unitId !== undefined && styles.own, activity.id === props.selectedId && styles.selected);
        return (
          <circle
            key={activity.id}
            className={classes}
            cx={at.x}
            cy={at.y}
            r={11}
            role="button"
            tabIndex={0}
            aria-label={activityName(activity, i18n, activity.unitId ? props.unitNames.get(activity.unitId) : undefined)}
            aria-pressed={activity.id === props.selectedId}
            data-activity={activity.id}
            onClick={() => props.onSelect(activity)}
            onKeyDown={(event) => handleKey(event, activity)}
          >
            <title>{activityName(activity, i18n, activity.unitId ? props.unitNames.get(activity.unitId) : undefined)}</title>
          </circle>
        );
      })}
    </svg>
  );
}
