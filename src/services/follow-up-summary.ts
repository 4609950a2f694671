import { questionText, type FollowUpResponse, type FollowUpTemplate, type Meeting, type MeetingType } from '../domain';
import type { StoredItem } from '../store/port';

/** One question of a meeting's follow-up, with every answer given to it (without who gave it). */
export interface AnsweredQuestion {
  readonly questionId: string;
  readonly sv: string;
  readonly en: string;
  readonly kind: 'text' | 'scale';
  readonly texts: readonly string[];
  /** the mean of the 1–4 answers, rounded to one decimal, when there are any */
  readonly scaleMean?: number;
  readonly scaleCount: number;
}

export interface MeetingAnswers {
  readonly meetingId: string;
  readonly title: string;
  readonly type: MeetingType;
  readonly startsAt: string;
  readonly respondents: number;
  readonly questions: readonly AnsweredQuestion[];
}

/**
 * The follow-up answers of a unit's meetings, as the analysis reads them: per meeting and question,
 * texts and scale means, each answer under the question of the template version it answered.
 * Respondents are counted, not named: the analysis is about the unit, not about who said what.
 */
export function summarizeAnswers(
  meetings: readonly StoredItem<Meeting>[],
  responses: readonly StoredItem<FollowUpResponse>[],
  templates: readonly StoredItem<FollowUpTemplate>[],
): MeetingAnswers[] {
  const templateById = new Map(templates.map((t) => [t.id, t.fields]));
  const byMeeting = new Map<string, StoredItem<FollowUpResponse>[]>();
  for (const response of responses) byMeeting.set(response.fields.meetingId, [...(byMeeting.get(response.fields.meetingId) ?? []), response]);

  return meetings
    .filter((meeting) => byMeeting.has(meeting.id))
    .sort((a, b) => b.fields.startsAt.localeCompare(a.fields.startsAt))
    .map((meeting) => {
      const answered = byMeeting.get(meeting.id) ?? [];
      const questions = new Map<string, { sv: string; en: string; kind: 'text' | 'scale'; texts: string[]; scales: number[] }>();
      for (const response of answered) {
        const template = templateById.get(response.fields.templateId);
        for (const answer of response.fields.answers) {
          const question = template?.questions.find((q) => q.id === answer.questionId);
          const entry = questions.get(answer.questionId) ?? {
            sv: question?.sv ?? answer.questionId, en: question ? questionText(question, 'en') : answer.questionId, kind: question?.kind ?? 'text', texts: [], scales: [],
          };
          if (answer.text?.trim()) entry.texts.push(answer.text.trim());
          if (answer.scale !== undefined) entry.scales.push(answer.scale);
          questions.set(answer.questionId, entry);
        }
      }
      return {
        meetingId: meeting.id,
        title: meeting.fields.title,
        type: meeting.fields.type,
        startsAt: meeting.fields.startsAt,
        respondents: answered.length,
        questions: [...questions.entries()].map(([questionId, q]) => ({
          questionId, sv: q.sv, en: q.en, kind: q.kind, texts: q.texts, scaleCount: q.scales.length,
          ...(q.scales.length > 0 ? { scaleMean: Math.round((q.scales.reduce((a, b) => a + b, 0) / q.scales.length) * 10) / 10 } : {}),
        })),
      };
    });
}
