import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BJORKSKOLAN, startHarness, type Harness } from './harness';

let h: Harness;
let bjork: string;
let meetingId: string;
beforeAll(async () => {
  h = await startHarness();
  bjork = await h.unitId(BJORKSKOLAN);
  const meetings = await h.request('GET', `/api/units/${bjork}/meetings?top=100`, { persona: 'principal-bjork' });
  const ended = (meetings.body['items'] as { id: string; type: string; endedAt?: string }[]).find((m) => m.type === 'resultsConference' && m.endedAt);
  if (!ended) throw new Error('the seed has no ended results conference at Björkskolan');
  meetingId = ended.id;
  const answers = [
    { persona: 'staff-bjork' as const, body: { answers: [{ questionId: 'causes', text: 'Gemensamma genomgångar gav effekt.' }, { questionId: 'clarity', scale: 3 }] } },
    { persona: 'principal-bjork' as const, body: { answers: [{ questionId: 'causes', text: 'Studieron avgjorde.' }, { questionId: 'clarity', scale: 4 }] } },
  ];
  for (const { persona, body } of answers) {
    const response = await h.request('PUT', `/api/meetings/${meetingId}/responses/me`, { persona, body });
    if (response.status >= 300) throw new Error(`answer refused: ${response.status} ${response.text}`);
  }
});
afterAll(async () => {
  await h?.server.stop();
});

describe('GET /api/units/:unitId/follow-up-answers', () => {
  it('gives the analysis every answer per question, scale means, and counts respondents without naming them', async () => {
    const response = await h.request('GET', `/api/units/${bjork}/follow-up-answers?schoolYear=2025/26`, { persona: 'principal-bjork' });
    expect(response.status).toBe(200);
    const items = response.body['items'] as { meetingId: string; respondents: number; questions: { questionId: string; sv: string; texts: string[]; scaleMean?: number }[] }[];
    const meeting = items.find((item) => item.meetingId === meetingId);
    expect(meeting?.respondents).toBe(2);
    const causes = meeting?.questions.find((q) => q.questionId === 'causes');
    expect(causes?.sv).toBe('Varför blev det som det blev när vi gjorde som vi gjorde?');
    expect(causes?.texts.sort()).toEqual(['Gemensamma genomgångar gav effekt.', 'Studieron avgjorde.']);
    expect(meeting?.questions.find((q) => q.questionId === 'clarity')?.scaleMean).toBe(3.5);
    expect(response.text).not.toContain('respondentId');
  });

  it('answers nothing for another school year', async () => {
    const response = await h.request('GET', `/api/units/${bjork}/follow-up-answers?schoolYear=2024/25`, { persona: 'staff-bjork' });
    expect(response.status).toBe(200);
    expect(response.body['items']).toEqual([]);
  });

  it('is for the unit only: staff of another unit get 404, the board may not read drafts of a unit', async () => {
    expect((await h.request('GET', `/api/units/${bjork}/follow-up-answers`, { persona: 'staff-lind' })).status).toBe(404);
    expect([403, 404]).toContain((await h.request('GET', `/api/units/${bjork}/follow-up-answers`, { persona: 'board' })).status);
  });
});
