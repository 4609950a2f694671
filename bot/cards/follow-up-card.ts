import type { BotFollowUpQuestion, BotFollowUpTemplate, BotMeeting } from '../data/entities';
import { attachment, card, execute, text, title, type CardAttachment, type CardElement } from './card';
import { strings } from './strings';
import type { Language } from '../../src/domain';

export const FOLLOW_UP_SUBMIT = 'followUp.submit';
export const FOLLOW_UP_REFRESH = 'followUp.refresh';
export const FOLLOW_UP_EDIT = 'followUp.edit';

export type Answers = Record<string, string>;

export interface FollowUpCardInput {
  lang: Language;
  meetingId: string;
  meeting: Pick<BotMeeting, 'title'>;
  templateId: string;
  template: BotFollowUpTemplate;
  /** the respondent's Entra object id: the refresh is for them alone */
  respondentId: string;
  answers?: Answers;
  /** show the saved state (answers read-only, an "edit" button) */
  saved?: boolean;
}

/** The input id of a question: ids are prefixed so that card data and answers never collide. */
export const inputId = (questionId: string): string => `q_${questionId}`;

function input(lang: Language, q: BotFollowUpQuestion, value: string | undefined): CardElement {
  const base = { id: inputId(q.id), label: q[lang], ...(value !== undefined ? { value } : {}) };
  if (q.kind === 'scale') {
    const labels = strings(lang).scaleLabels;
    return { type: 'Input.ChoiceSet', style: 'expanded', ...base, choices: labels.map((l, i) => ({ title: l, value: String(i + 1) })) };
  }
  return { type: 'Input.Text', isMultiline: true, maxLength: 2000, ...base };
}

/** The 1:1 follow-up card. Action.Execute with a refresh for the respondent shows each person their own state. */
export function followUpCard(i: FollowUpCardInput): CardAttachment {
  const s = strings(i.lang);
  const data = { meetingId: i.meetingId, templateId: i.templateId, templateVersion: i.template.version };
  const refresh = { action: { type: 'Action.Execute', verb: FOLLOW_UP_REFRESH, data }, userIds: [i.respondentId] };
  if (i.saved) {
    const labels = strings(i.lang).scaleLabels;
    const shown = (q: BotFollowUpQuestion): string => {
      const value = i.answers?.[q.id];
      if (value === undefined) return '–';
      return q.kind === 'scale' ? labels[Number(value) - 1] ?? value : value;
    };
    const facts = i.template.questions.map((q) => ({ title: q[i.lang], value: shown(q) }));
    return attachment(card([title(s.followUpTitle(i.meeting.title)), text(s.saved, { color: 'Good' }), { type: 'FactSet', facts }],
      [execute(s.edit, FOLLOW_UP_EDIT, data)], refresh));
  }
  return attachment(card([
    title(s.followUpTitle(i.meeting.title)),
    text(s.followUpIntro, { isSubtle: true }),
    ...i.template.questions.map((q) => input(i.lang, q, i.answers?.[q.id])),
  ], [execute(s.submit, FOLLOW_UP_SUBMIT, data, { style: 'positive' })], refresh));
}
