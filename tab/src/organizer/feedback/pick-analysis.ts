import type { Analysis } from '../../../../src/contract';

/**
 * The analysis the administration answers: the school year's submitted one (the latest
 * submission), else the one that already has feedback. Drafts are the unit's own business.
 */
export function analysisToAnswer(analyses: readonly Analysis[], schoolYear: string): Analysis | undefined {
  const ofYear = analyses.filter((a) => a.schoolYear === schoolYear && a.status !== 'draft');
  const latest = (items: Analysis[]) => [...items].sort((a, b) => (b.submittedAt ?? b.modifiedAt).localeCompare(a.submittedAt ?? a.modifiedAt))[0];
  return latest(ofYear.filter((a) => a.status === 'submitted')) ?? latest(ofYear);
}
