/** Every card the bot builds, in every variant and both languages: what the card tests walk. */
import { languages, type Action, type Language } from '../../src/domain';
import type { StoredItem } from '../../src/store/port';
import type { CardAttachment } from '../cards/card';
import { errorCard } from '../cards/error-card';
import { followUpCard } from '../cards/follow-up-card';
import { helpCard } from '../cards/help-card';
import { agendaCard, linkMeetingCard, meetingSummaryCard } from '../cards/meeting-cards';
import { myActionsCard } from '../cards/my-actions-card';
import { escalationCard, reminderCard } from '../cards/reminder-card';
import { wheelReminderCard } from '../cards/wheel-reminder-card';
import type { BotFollowUpTemplate, BotMeeting } from '../data/entities';
import { teamsIdOf, TEACHER } from './fixtures';

const action: Action = {
  title: 'Läsfrämjande insats åk 4', unitId: '1', ownerId: TEACHER, ownerName: 'Kim Lärare', dueDate: '2026-03-12', status: 'planned',
  originKind: 'meeting', originId: '2', schoolYear: '2025/26',
};
const item = (fields: Action, id = '7'): StoredItem<Action> => ({ id, etag: '"1,1"', fields, createdAt: '2026-03-01T08:00:00Z', modifiedAt: '2026-03-01T08:00:00Z', createdByUser: TEACHER, modifiedByUser: TEACHER });
const meeting: BotMeeting = {
  type: 'resultsConference', title: 'Resultatkonferens vt', unitId: '1', startsAt: '2026-03-10T08:00:00Z', schoolYear: '2025/26',
  participants: [], agenda: [{ id: 'a1', title: 'Resultat i matematik' }],
};
const template: BotFollowUpTemplate = {
  meetingType: 'resultsConference', version: 2,
  questions: [
    { id: 'styrkor', sv: 'Vilka styrkor såg vi?', en: 'Which strengths did we see?', kind: 'text' },
    { id: 'delaktighet', sv: 'Jag kunde bidra i analysen.', en: 'I could contribute to the analysis.', kind: 'scale' },
  ],
};

function cardsIn(lang: Language): [string, CardAttachment][] {
  const followUp = { lang, meetingId: '3', meeting, templateId: '4', template, respondentMri: teamsIdOf(TEACHER) };
  const reminder = { lang, actionId: '7', action, kind: 'dueSoon' as const, daysLeft: 2 };
  return [
    ['error', errorCard(lang)],
    ['error with a message', errorCard(lang, 'Kortet skickade uppgifter som jag inte känner igen.')],
    ['help', helpCard(lang)],
    ['help, not understood', helpCard(lang, 'banankaka')],
    ['follow-up form', followUpCard(followUp)],
    ['follow-up form with answers and refusals', followUpCard({ ...followUp, answers: { styrkor: 'Eleven 121212-1212', delaktighet: '3' }, errors: { styrkor: 'Texten innehåller ett personnummer.' } })],
    ['follow-up saved', followUpCard({ ...followUp, answers: { styrkor: 'Tydliga mål', delaktighet: '4' }, saved: true })],
    ['meeting summary', meetingSummaryCard(lang, { ...meeting, agenda: [{ id: 'a1', title: 'Resultat i matematik', decisions: ['Matematiklyftet fortsätter'] }] }, [item(action)], { asked: 2, via: 'joined' })],
    ['meeting summary, asked the chat', meetingSummaryCard(lang, meeting, [item(action)], { asked: 12, via: 'chatMembers' })],
    ['meeting summary without actions', meetingSummaryCard(lang, meeting, [], { via: 'noQuestions' })],
    ['meeting summary with links to the origins', meetingSummaryCard(lang, meeting, [item(action)], { asked: 2, via: 'joined' }, 'https://kvalitet.example.se')],
    ['link the meeting', linkMeetingCard(lang)],
    ['agenda', agendaCard(lang, meeting, [item(action)])],
    ['agenda, nothing open', agendaCard(lang, { ...meeting, agenda: [] }, [])],
    ['my actions', myActionsCard(lang, [item(action), item({ ...action, dueDate: '2026-02-01' }, '8')], '2026-03-10')],
    ['my actions, none', myActionsCard(lang, [], '2026-03-10')],
    ['reminder, due soon', reminderCard(reminder)],
    ['reminder with links to its origin and goal', reminderCard({ ...reminder, action: { ...action, goalId: '5' }, tabUrl: 'https://kvalitet.example.se' })],
    ['reminder, overdue, after a change', reminderCard({ ...reminder, kind: 'overdue', daysLeft: -5, notice: 'Kommentaren är sparad.' })],
    ['reminder, done', reminderCard({ ...reminder, action: { ...action, status: 'done' } })],
    ['reminder, refused date', reminderCard({ ...reminder, notice: 'Rätta', error: { field: 'dueDate', value: '30/4', message: 'Ange ett datum.' } })],
    ['reminder, refused comment', reminderCard({ ...reminder, notice: 'Rätta', error: { field: 'comment', value: 'Eleven 121212-1212', message: 'Personnummer.' } })],
    ['escalation', escalationCard(lang, action, 20, '7')],
    ['year wheel, unit', wheelReminderCard({ lang, activity: { title: 'Resultatkonferens', kind: 'resultsConference', schoolYear: '2025/26', date: '2026-03-17', unitId: '1' }, daysLeft: 7 })],
    ['year wheel, municipality', wheelReminderCard({ lang, activity: { title: 'Rapportdag', kind: 'reportDeadline', schoolYear: '2025/26', date: '2026-03-10' }, daysLeft: 0 })],
  ];
}

export const sampleCards: readonly { name: string; lang: Language; card: CardAttachment }[] = languages.flatMap((lang) => cardsIn(lang).map(([name, card]) => ({ name: `${name} (${lang})`, lang, card })));
