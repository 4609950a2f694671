import type { BotFollowUpQuestion, BotFollowUpTemplate, BotMeeting } from '../data/entities';
import { attachment, card, execute, fieldError, refreshFor, text, title, type CardAttachment, type CardData, type CardElement } from './card';
import { strings } from './strings';
import { questionText, type Language } from '../../src/domain';

export const FOLLOW_UP_SUBMIT = 'followUp.submit';
export const FOLLOW_UP_REFRESH = 'followUp.refresh';
export const FOLLOW_UP_EDIT = 'followUp.edit';

/** What the card shows in each question's input, by question id: stored answers or what was typed. */
export type Answers = Record<string, string>;

export interface FollowUpCardInput {
  lang: Language;
  meetingId: string;
  meeting: Pick<BotMeeting, 'title'>;
  templateId: string;
  template: BotFollowUpTemplate;
  /** the respondent's Teams user id (MRI, "29:..."): the card refreshes automatically for them alone */
  respondentMri: string;
  answers?: Answers;
  /** refusals of what was typed, by question id: shown under the question, the typed text kept */
  errors?: Readonly<Record<string, string>>;
  /** show the saved state (answers read-only, an "edit" button) */
  saved?: boolean;
}

/** The input id of a question: ids are prefixed so that card data and answers never collide. */
export const inputId = (questionId: string): string => `q_${questionId}`;

/** The longest answer the card lets one type (the domain allows more; the card keeps it readable). */
export const ANSWER_MAX_LENGTH = 2_000;

function input(lang: Language, q: BotFollowUpQuestion, value: string | undefined): CardElement {
  const base = { id: inputId(q.id), label: questionText(q, lang), ...(value !== undefined ? { value } : {}) };
  if (q.kind === 'scale') {
    const labels = strings(lang).scaleLabels;
    return { type: 'Input.ChoiceSet', style: 'expanded', ...base, choices: labels.map((l, i) => ({ title: l, value: String(i + 1) })) };
  }
  return { type: 'Input.Text', isMultiline: true, maxLength: ANSWER_MAX_LENGTH, ...base };
}

/** The 1:1 follow-up card. Action.Execute with a refresh for the respondent shows each person their own state. */
export function followUpCard(i: FollowUpCardInput): CardAttachment {
  const s = strings(i.lang);
  const data: CardData = { lang: i.lang, meetingId: i.meetingId, templateId: i.templateId, templateVersion: i.template.version };
  const refresh = refreshFor(FOLLOW_UP_REFRESH, data, [i.respondentMri]);
  if (i.saved) {
    const labels = s.scaleLabels;
    const shown = (q: BotFollowUpQuestion): string => {
      const value = i.answers?.[q.id];
      if (value === undefined) return '–';
      return q.kind === 'scale' ? labels[Number(value) - 1] ?? value : value;
    };
    const facts = i.template.questions.map((q) => ({ title: q[i.lang], value: shown(q) }));
    return attachment(card(i.lang, [title(s.followUpTitle(i.meeting.title)), text(s.saved, { color: 'Good' }), { type: 'FactSet', facts }],
      [execute(s.edit, FOLLOW_UP_EDIT, data)], refresh));
  }
  const errors = i.errors ?? {};
  return attachment(card(i.lang, [
    title(s.followUpTitle(i.meeting.title)),
    text(s.followUpIntro, { isSubtle: true }),
    ...(Object.keys(errors).length ? [text(s.correctAndResend, { color: 'Attention', weight: 'Bolder' })] : []),
    ...i.template.questions.flatMap((q) => {
      const error = errors[q.id];
      return [input(i.lang, q, i.answers?.[q.id]), ...(error ? [fieldError(error)] : [])];
    }),
  ], [execute(s.submit, FOLLOW_UP_SUBMIT, data, { style: 'positive' })], refresh));
}
