/**
 * An action given to someone while its meeting is live: the owner gets Teams' targeted in-meeting
 * notification (only they see it), a dialog on the meeting's stage that opens the action in the
 * meeting's side panel. The card after the meeting lists it as well, as for everyone.
 * The owner must be reachable: a Teams user id known for them, from the meeting's participant
 * events or the 1:1 chat the bot has with them. The policy is asked as for the participant
 * events: only someone who may read the meeting's unit is notified. The title is in the owner's
 * language: their 1:1 chat's locale, Swedish when the bot has none.
 */
import { languageOf } from '../../src/domain';
import type { OwnerGivenInMeeting } from '../../src/services';
import { strings } from '../cards/strings';
import type { FlowContext } from './context';
import { isOwnPerson } from './meeting-participants';

/** The dialog's size on the stage, in pixels. */
const DIALOG = { height: 480, width: 400 } as const;

export type OwnerNotificationOutcome = { kind: 'queued'; key: string } | { kind: 'notSent'; reason: string };

/** The side panel of the meeting, opened at the action: the tab's own route (tab/src/route.ts, `/meeting`). */
export function sidePanelUrl(tabUrl: string, meetingId: string, actionId: string): string {
  const url = new URL('/meeting', tabUrl);
  url.search = new URLSearchParams({ surface: 'sidePanel', meetingId, actionId }).toString();
  return url.toString();
}

/** Queues the notification, or says why there is none (logged once per owner given). */
export async function notifyOwnerInMeeting(ctx: FlowContext, event: OwnerGivenInMeeting): Promise<OwnerNotificationOutcome> {
  const outcome = await queueNotice(ctx, event, ctx.tabUrl);
  if (outcome.kind === 'notSent') ctx.log(`meeting ${event.meeting.id}: no in-meeting notification to the owner of action ${event.action.id}: ${outcome.reason}`);
  return outcome;
}

async function queueNotice(ctx: FlowContext, { action, meeting }: OwnerGivenInMeeting, tabUrl: string | undefined): Promise<OwnerNotificationOutcome> {
  const { teamsMeetingId, chatId } = meeting.fields;
  if (teamsMeetingId === undefined || chatId === undefined) return { kind: 'notSent', reason: 'the meeting is not linked to a Teams meeting' };
  if (tabUrl === undefined) return { kind: 'notSent', reason: 'the tab\'s address is not configured' };
  const chat = await ctx.conversations.byId(chatId);
  if (!chat) return { kind: 'notSent', reason: 'the bot has not been in the meeting\'s chat yet' };
  const ownerId = action.fields.ownerId;
  const personal = await ctx.conversations.personalWith(ownerId);
  const teamsId = meeting.fields.attendees?.find((a) => a.userId === ownerId)?.teamsId ?? personal?.user?.id;
  if (teamsId === undefined || !teamsId.startsWith('29:')) return { kind: 'notSent', reason: 'no Teams user id is known for the owner (not joined, no chat with the bot)' };
  if (!(await isOwnPerson(ctx, meeting.fields, ownerId, chat.conversation.tenantId))) return { kind: 'notSent', reason: 'the owner may not read the meeting\'s unit' };
  const key = `ownerNotice:${meeting.id}:${action.id}:${ownerId}`;
  await ctx.outbox.enqueue({
    key,
    target: { kind: 'meeting', teamsMeetingId, reference: chat },
    activity: {
      type: 'targetedMeetingNotification',
      value: {
        recipients: [teamsId],
        surfaces: [{
          surface: 'meetingStage',
          contentType: 'task',
          content: { value: { ...DIALOG, title: strings(languageOf(personal?.locale)).ownerNoticeTitle(action.fields.title).slice(0, 200), url: sidePanelUrl(tabUrl, meeting.id, action.id) } },
        }],
      },
    },
  });
  return { kind: 'queued', key };
}
