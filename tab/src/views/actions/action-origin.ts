/**
 * What a new action comes from (skollagen: an action rests on an analysis, a meeting or a
 * deficiency), in one encoding for every place an action is recorded. In the channel tab it is one
 * of the unit's analyses, meetings or open deficiencies; in a meeting it is the meeting itself or one
 * of the unit's analyses or open deficiencies, and the action always records the meeting
 * (meetingId), so the panel, the summary and the bot's card list it whatever its origin. From a
 * deficiency in the register, the action comes from that deficiency.
 */
import type { NewAction } from '../../api/client';
import type { Action, Analysis, Deficiency, Meeting } from '../../../../src/contract';
import type { OriginKind } from '../../../../src/domain';
import type { ChannelView } from '../../route';

/** Where the action dialog is opened: the unit's channel tab, a meeting, or a deficiency of the register. */
export type OriginInput = { readonly in: 'unit' } | { readonly in: 'meeting'; readonly meetingId: string } | { readonly in: 'deficiency'; readonly deficiencyId: string };

/** The form's origin: the kind the user chose (none yet: the first kind that has a choice) and the record ('' for the first). */
export interface OriginDraft {
  readonly kind: OriginKind | null;
  readonly id: string;
}

/** One option of the analysis, meeting or deficiency picker. */
export interface OriginOption {
  readonly id: string;
  readonly label: string;
}

/** The options per kind: newest analysis and meeting first, open deficiencies only, oldest found first. */
export type OriginChoices = Readonly<Record<OriginKind, readonly OriginOption[]>>;

/** How an analysis is named in the picker: its period, and whether it is still a draft. */
export type AnalysisLabel = (analysis: Pick<Analysis, 'period' | 'status'>) => string;

/** The kinds offered, in order: a meeting's own actions come from the meeting first; a deficiency's from it alone. */
export function originKindsFor(input: OriginInput): readonly OriginKind[] {
  if (input.in === 'deficiency') return ['deficiency'];
  return input.in === 'meeting' ? ['meeting', 'analysis', 'deficiency'] : ['analysis', 'meeting', 'deficiency'];
}

/** The record the place the dialog is opened in fixes for its own kind: the meeting, or the deficiency. */
function fixedRecord(input: OriginInput, kind: OriginKind): string | undefined {
  if (input.in === 'meeting' && kind === 'meeting') return input.meetingId;
  if (input.in === 'deficiency' && kind === 'deficiency') return input.deficiencyId;
  return undefined;
}

/** Whether the kind needs a record picked: all but the meeting or deficiency the dialog is opened from. */
export function picksRecord(input: OriginInput, kind: OriginKind): boolean {
  return fixedRecord(input, kind) === undefined;
}

export function originChoices(
  records: { analyses: readonly Analysis[]; meetings: readonly Meeting[]; deficiencies: readonly Deficiency[] },
  labelOf: AnalysisLabel,
): OriginChoices {
  return {
    analysis: [...records.analyses]
      .sort((a, b) => b.period.localeCompare(a.period) || b.modifiedAt.localeCompare(a.modifiedAt))
      .map((analysis) => ({ id: analysis.id, label: labelOf(analysis) })),
    meeting: [...records.meetings]
      .sort((a, b) => b.startsAt.localeCompare(a.startsAt))
      .map((meeting) => ({ id: meeting.id, label: meeting.title })),
    deficiency: records.deficiencies
      .filter((deficiency) => deficiency.status === 'open')
      .sort((a, b) => a.foundOn.localeCompare(b.foundOn) || a.title.localeCompare(b.title, 'sv'))
      .map((deficiency) => ({ id: deficiency.id, label: deficiency.title })),
  };
}

/**
 * The origin the form stands on: the chosen kind, or, where the dialog is opened from a meeting or
 * a deficiency, that one; in the channel tab nothing until the user chooses (an action must say
 * what it comes from, and no guess is made for them). The chosen record while it is offered.
 */
export function resolveOrigin(input: OriginInput, choices: OriginChoices | undefined, draft: OriginDraft): { kind: OriginKind | null; id: string } {
  const kind = draft.kind ?? originKindsFor(input).find((candidate) => fixedRecord(input, candidate) !== undefined) ?? null;
  if (kind === null) return { kind, id: '' };
  const fixed = fixedRecord(input, kind);
  if (fixed !== undefined) return { kind, id: fixed };
  return { kind, id: (choices?.[kind] ?? []).some((option) => option.id === draft.id) ? draft.id : '' };
}

/** The origin fields of a new action; null when a kind or a record is asked for but none is chosen. */
export function originFields(input: OriginInput, origin: { kind: OriginKind | null; id: string }): Pick<NewAction, 'originKind' | 'originId' | 'meetingId'> | null {
  if (!origin.kind || !origin.id) return null;
  return { originKind: origin.kind, originId: origin.id, ...(input.in === 'meeting' ? { meetingId: input.meetingId } : {}) };
}

/** The view of the channel tab that shows what an action comes from (`?view=`). */
export const originViews = { analysis: 'analysis', meeting: 'meetings', deficiency: 'deficiencies' } as const satisfies Record<OriginKind, ChannelView>;

/** The note an action of a meeting carries when it comes from elsewhere; undefined for the meeting's own. */
export function originNote(action: Pick<Action, 'originKind'>): 'meeting.fromAnalysis' | 'meeting.fromDeficiency' | undefined {
  if (action.originKind === 'analysis') return 'meeting.fromAnalysis';
  if (action.originKind === 'deficiency') return 'meeting.fromDeficiency';
  return undefined;
}
