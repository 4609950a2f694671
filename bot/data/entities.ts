/** The lists and entities the bot uses, under the bot's names. */
import type { Action, BotConversation, FollowUpResponse, FollowUpTemplate, Job, Meeting, MeetingType, Question, Unit } from '../../src/domain';
import type { Entities } from '../../src/lists/lists';
import type { Store } from '../../src/store/port';
import type { ReadModel } from '../../src/store/read-model';

export type { MeetingType };
export type BotMeeting = Meeting;
export type BotAction = Action;
export type BotUnit = Unit;
export type BotFollowUpQuestion = Question;
export type BotFollowUpTemplate = FollowUpTemplate;
export type BotFollowUpResponse = FollowUpResponse;
export type BotConversationItem = BotConversation;
export type BotJob = Job;

export type BotStore = Store<Entities>;
/** The read model the bot's scans and Mina åtgärder read from (each instance's mirror of the lists). */
export type BotViews = ReadModel<Entities>;
