import type { MessageKey } from '../../i18n/i18n';
import type { FeedbackState, RollupUnit } from '../../../../src/contract';

/** The words of a unit's feedback state in the roll-up. */
export const feedbackStateKey = {
  noSubmission: 'organizer.feedbackNoSubmission', waiting: 'organizer.feedbackWaiting', unread: 'organizer.feedbackUnread', read: 'organizer.feedbackRead',
} as const satisfies Record<FeedbackState, MessageKey>;

/** The words of a unit's analysis state: the domain's status, or none written yet. */
export function analysisStateKey(status: RollupUnit['analysisStatus']) {
  return status === 'none' ? 'vocab.term.noAnalysis' : (`vocab.analysisStatus.${status}` as const);
}
