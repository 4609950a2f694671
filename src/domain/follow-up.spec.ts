import { describe, expect, it } from 'vitest';
import { FollowUpTemplateSchema, questionText } from './follow-up';

describe('FollowUpTemplateSchema', () => {
  it('holds the questions before a meeting as well as after, and takes a question without English', () => {
    const template = FollowUpTemplateSchema.parse({
      meetingType: 'resultsConference', version: 1,
      beforeQuestions: [{ id: 'before-1', sv: 'Vad har förändrats sedan förra konferensen?', kind: 'text' }],
      questions: [{ id: 'styrkor', sv: 'Vilka styrkor såg ni?', kind: 'text' }],
    });
    expect(template.beforeQuestions?.map((q) => q.sv)).toEqual(['Vad har förändrats sedan förra konferensen?']);
    expect(template.questions[0]?.en).toBeUndefined();
  });

  it('still refuses an empty English text and a question without Swedish', () => {
    expect(FollowUpTemplateSchema.safeParse({ meetingType: 'workshop', version: 1, questions: [{ id: 'q', sv: 'Fråga', en: '', kind: 'text' }] }).success).toBe(false);
    expect(FollowUpTemplateSchema.safeParse({ meetingType: 'workshop', version: 1, questions: [{ id: 'q', en: 'Question', kind: 'text' }] }).success).toBe(false);
  });
});

describe('questionText', () => {
  it('answers English when there is one, else the Swedish question', () => {
    expect(questionText({ sv: 'Fråga', en: 'Question' }, 'en')).toBe('Question');
    expect(questionText({ sv: 'Fråga' }, 'en')).toBe('Fråga');
    expect(questionText({ sv: 'Fråga', en: 'Question' }, 'sv')).toBe('Fråga');
  });
});
