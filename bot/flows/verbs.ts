/**
 * The verbs the bot's cards send, each with the permission of the API route that makes the same
 * change (see card-verbs.ts). A verb not listed here is refused.
 */
import { ACTION_COMMENT, ACTION_DONE, ACTION_NEW_DATE } from '../cards/reminder-card';
import { FOLLOW_UP_EDIT, FOLLOW_UP_REFRESH, FOLLOW_UP_SUBMIT } from '../cards/follow-up-card';
import { onActionUpdate } from './action-updates';
import { CardVerbTable } from './card-verbs';
import { onFollowUpAction } from './follow-up-answers';

export const cardVerbs = new CardVerbTable()
  // PUT /api/meetings/:id/responses/me: one answers only one's own follow-up, and sees only that
  .add(FOLLOW_UP_SUBMIT, 'followUp.answer', onFollowUpAction)
  .add(FOLLOW_UP_REFRESH, 'followUp.answer', onFollowUpAction)
  .add(FOLLOW_UP_EDIT, 'followUp.answer', onFollowUpAction)
  // PATCH /api/actions/:id: the owner, or the unit's principal
  .add(ACTION_DONE, 'action.update', onActionUpdate)
  .add(ACTION_NEW_DATE, 'action.update', onActionUpdate)
  .add(ACTION_COMMENT, 'action.update', onActionUpdate);
