import type { FollowUpAnswers } from '../../contract';
import type { MeetingAnswers } from '../../services/follow-up-summary';

/** `GET /units/:unitId/follow-up-answers`: per meeting and question, without who answered. */
export function presentFollowUpAnswers(answers: readonly MeetingAnswers[]): FollowUpAnswers {
  return { items: answers };
}
