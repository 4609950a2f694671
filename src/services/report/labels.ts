import type { Action, Analysis, Deficiency, Phase, PhaseState } from '../../domain';

/** Swedish words of the report, which is read by people in the municipality. */
export const phaseLabels: Record<Phase, string> = {
  followUp: 'Uppföljning',
  analysis: 'Analys',
  planning: 'Planering',
  implementation: 'Genomförande',
};

export const phaseStateLabels: Record<PhaseState, string> = { notStarted: 'Ej påbörjad', inProgress: 'Pågår', done: 'Klar' };

export const actionStatusLabels: Record<Action['status'], string> = { planned: 'Planerad', inProgress: 'Pågår', done: 'Genomförd', cancelled: 'Avbruten' };

export const analysisStatusLabels: Record<Analysis['status'] | 'none', string> = {
  none: 'Ingen analys',
  draft: 'Utkast',
  submitted: 'Inlämnad',
  feedbackGiven: 'Återkoppling given',
};

export const deficiencyStatusLabels: Record<Deficiency['status'], string> = { open: 'Öppen', closed: 'Åtgärdad' };

export const deficiencySourceLabels: Record<Deficiency['source'], string> = {
  indicator: 'Uppföljning',
  complaint: 'Klagomål',
  krankning: 'Kränkning',
  inspection: 'Skolinspektionen',
  other: 'Annat',
};

/** A number the Swedish way: decimal comma, at most two decimals. */
export function formatNumber(value: number | undefined): string {
  if (value === undefined) return '–';
  return value.toLocaleString('sv-SE', { maximumFractionDigits: 2 });
}
