/**
 * What an action recorded in a meeting comes from: the meeting itself, one of the unit's analyses
 * or one of its open deficiencies. Whatever the origin, the action records the meeting (meetingId),
 * so that the panel, the summary and the bot's card list it.
 */
import type { NewAction } from '../api/client';
import type { Action, Analysis, Deficiency } from '../../../src/contract';
import type { OriginKind } from '../../../src/domain';

/** One option of the analysis or deficiency picker. */
export interface OriginOption {
  id: string;
  label: string;
}

/** The options per kind, newest analysis first, open deficiencies only, oldest found first. */
export interface OriginChoices {
  analysis: OriginOption[];
  deficiency: OriginOption[];
}

/** How an analysis is named in the picker: its period, and whether it is still a draft. */
export type AnalysisLabel = (analysis: Pick<Analysis, 'period' | 'status'>) => string;

export function originChoices(analyses: readonly Analysis[], deficiencies: readonly Deficiency[], labelOf: AnalysisLabel): OriginChoices {
  return {
    analysis: [...analyses]
      .sort((a, b) => b.period.localeCompare(a.period) || b.modifiedAt.localeCompare(a.modifiedAt))
      .map((analysis) => ({ id: analysis.id, label: labelOf(analysis) })),
    deficiency: deficiencies
      .filter((deficiency) => deficiency.status === 'open')
      .sort((a, b) => a.foundOn.localeCompare(b.foundOn) || a.title.localeCompare(b.title, 'sv'))
      .map((deficiency) => ({ id: deficiency.id, label: deficiency.title })),
  };
}

/** The origin fields of a new action; null when an analysis or deficiency is asked for but none is chosen. */
export function originFields(meetingId: string, kind: OriginKind, chosenId: string): Pick<NewAction, 'originKind' | 'originId' | 'meetingId'> | null {
  if (kind === 'meeting') return { originKind: 'meeting', originId: meetingId, meetingId };
  if (!chosenId) return null;
  return { originKind: kind, originId: chosenId, meetingId };
}

/** The note an action of the meeting carries when it comes from elsewhere; undefined for the meeting's own. */
export function originNote(action: Pick<Action, 'originKind'>): 'fromAnalysis' | 'fromDeficiency' | undefined {
  if (action.originKind === 'analysis') return 'fromAnalysis';
  if (action.originKind === 'deficiency') return 'fromDeficiency';
  return undefined;
}
