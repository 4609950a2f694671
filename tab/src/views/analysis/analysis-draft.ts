import { countedParticipantRoles } from '../../../../src/domain/choices';
import type { AnalysisChanges } from '../../api/client';
import type { Analysis } from '../../../../src/contract';
import type { Analysis as AnalysisFields, Participant, ParticipantRole } from '../../../../src/domain';


/** A participant row as the form edits it. */
export interface ParticipantRow {
  role: ParticipantRole;
  displayName: string;
  count: string;
  userId?: string;
}

/** The analysis as the form holds it: lists of points as one line each. */
export interface AnalysisDraft {
  period: string;
  followUp: string;
  causes: string;
  direction: string;
  approach: string;
  /** Hur blev det? the evaluation of the previous period's actions */
  evaluation: string;
  strengths: string;
  areasToDevelop: string;
  measurementIds: string[];
  goalIds: string[];
  participants: ParticipantRow[];
}

export function emptyDraft(period: string): AnalysisDraft {
  return { period, followUp: '', causes: '', direction: '', approach: '', evaluation: '', strengths: '', areasToDevelop: '', measurementIds: [], goalIds: [], participants: [] };
}

/** The form's view of a stored analysis: lists of points become one line each. */
export function draftFromAnalysis(analysis: Analysis): AnalysisDraft {
  return {
    period: analysis.period,
    followUp: analysis.followUp ?? '',
    causes: analysis.causes ?? '',
    direction: analysis.direction ?? '',
    approach: analysis.approach ?? '',
    evaluation: analysis.evaluation ?? '',
    strengths: analysis.strengths.join('\n'),
    areasToDevelop: analysis.areasToDevelop.join('\n'),
    measurementIds: [...analysis.measurementIds],
    goalIds: [...analysis.goalIds],
    participants: analysis.participants.map((p) => ({
      role: p.role, displayName: p.displayName ?? '', count: p.count === undefined ? '' : String(p.count), ...(p.userId ? { userId: p.userId } : {}),
    })),
  };
}

function lines(text: string): string[] {
  return text.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
}

function participantOf(row: ParticipantRow): Participant {
  if (countedParticipantRoles.includes(row.role)) return { role: row.role, count: Number(row.count) || 1 };
  return { role: row.role, ...(row.displayName.trim() ? { displayName: row.displayName.trim() } : {}), ...(row.userId ? { userId: row.userId } : {}) };
}

/** The fields of the analysis the API stores, from the form. */
export function fieldsFromDraft(draft: AnalysisDraft): Omit<AnalysisFields, 'unitId' | 'schoolYear' | 'status' | 'period'> {
  return {
    followUp: draft.followUp,
    causes: draft.causes,
    direction: draft.direction,
    approach: draft.approach,
    evaluation: draft.evaluation,
    strengths: lines(draft.strengths),
    areasToDevelop: lines(draft.areasToDevelop),
    measurementIds: draft.measurementIds,
    goalIds: draft.goalIds,
    participants: draft.participants.filter((row) => countedParticipantRoles.includes(row.role) || row.displayName.trim() || row.userId).map(participantOf),
  };
}

/** Only what changed since `before`, for the PATCH body. */
export function analysisChanges(before: Analysis, draft: AnalysisDraft): AnalysisChanges {
  const next = fieldsFromDraft(draft);
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    const old = (before as unknown as Record<string, unknown>)[key] ?? (Array.isArray(value) ? [] : '');
    if (JSON.stringify(old) !== JSON.stringify(value)) changes[key] = value;
  }
  return changes as AnalysisChanges;
}

/** The periods of a school year, whole year first. */
export function periodsOf(schoolYear: string): string[] {
  return [schoolYear, `${schoolYear} HT`, `${schoolYear} VT`];
}

/** The periods a new analysis may take: those of the school year the unit has no analysis for (one per unit and period). */
export function freePeriodsOf(schoolYear: string, analyses: readonly Pick<Analysis, 'period'>[]): string[] {
  return periodsOf(schoolYear).filter((period) => !analyses.some((a) => a.period === period));
}
