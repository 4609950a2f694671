import type { YearWheelActivity } from '../../src/domain';
import { attachment, card, formats, text, title, type CardAttachment } from './card';
import { strings, type Strings } from './strings';
import type { Language } from '../../src/domain';

export interface WheelReminderCardInput {
  lang: Language;
  activity: YearWheelActivity;
  /** whole days from today to the activity's date; 0 is today */
  daysLeft: number;
}

/** What the unit should have ready, for the kinds of activity that need something ready. */
function readiness(s: Strings, kind: YearWheelActivity['kind']): string | undefined {
  if (kind === 'resultsConference') return s.wheelReadyResults;
  if (kind === 'reportDeadline') return s.wheelReadyAnalysis;
  return undefined;
}

/** Reminds a principal of a coming year-wheel activity: what, when, how long left, what to have ready. */
export function wheelReminderCard(i: WheelReminderCardInput): CardAttachment {
  const s = strings(i.lang);
  const ready = readiness(s, i.activity.kind);
  return attachment(card(i.lang, [
    title(s.wheelTitle(i.activity.title)),
    text(`${s.wheelDate}: ${formats[i.lang].date(i.activity.date)}`, { isSubtle: true }),
    text(s.wheelDaysLeft(i.daysLeft)),
    ...(i.activity.unitId ? [] : [text(s.wheelMunicipality, { isSubtle: true })]),
    ...(ready ? [text(ready, { weight: 'Bolder' })] : []),
  ]));
}
