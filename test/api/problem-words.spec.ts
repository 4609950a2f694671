/**
 * Every route's problems name the field as a person finds it in the form, in the language the
 * request asks for (Accept-Language), Swedish unless English: never the code name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BJORKSKOLAN, startHarness, type Harness } from './harness';

let h: Harness;
let bjork: string;
beforeAll(async () => {
  h = await startHarness();
  bjork = await h.unitId(BJORKSKOLAN);
});
afterAll(async () => {
  await h?.server.stop();
});

const english = { 'accept-language': 'en-US,en;q=0.9' };

describe('problems in the user\'s words', () => {
  it('a template question: "Fråga 1 – på svenska", not "questions.0.sv"', async () => {
    const body = { meetingType: 'workshop', questions: [{ id: 'q1', sv: '', en: 'What?', kind: 'text' }] };
    const sv = await h.request('POST', '/api/follow-up-templates', { persona: 'admin', body });
    expect(sv.status).toBe(400);
    expect(sv.body).toMatchObject({ field: 'questions.0.sv', fieldLabel: 'Fråga 1 – på svenska', detail: 'Fråga 1 – på svenska: måste fyllas i' });
    expect(sv.headers.get('content-language')).toBe('sv');
    const en = await h.request('POST', '/api/follow-up-templates', { persona: 'admin', body, headers: english });
    expect(en.body).toMatchObject({ fieldLabel: 'Question 1 – in Swedish', detail: 'Question 1 – in Swedish: is required' });
    expect(en.headers.get('content-language')).toBe('en');
  });

  it('an analysis field and a meeting\'s notes, by their labels', async () => {
    const analysis = await h.request('POST', `/api/units/${bjork}/analyses`, { persona: 'principal-bjork', body: { schoolYear: '2026/27', period: '2026/27 HT', followUp: 42 } });
    expect(analysis.body).toMatchObject({ field: 'followUp', detail: 'Var är vi?: har fel form' });
    const period = await h.request('POST', `/api/units/${bjork}/analyses`, { persona: 'principal-bjork', body: { schoolYear: '2026/27', period: 'hösten' }, headers: english });
    expect(period.body).toMatchObject({ field: 'period', detail: 'Period: a period is written as 2025/26, 2025/26 HT, 2025/26 VT or a month of the school year such as 2025/26 2025-10' });
    const meeting = await h.request('POST', `/api/units/${bjork}/meetings`, { persona: 'principal-bjork', body: { type: 'workshop', title: 'W', startsAt: 'i morgon', schoolYear: '2026/27' } });
    expect(meeting.body).toMatchObject({ field: 'startsAt', detail: 'Börjar: ska vara en tidpunkt som 2027-01-31T09:00:00Z' });
  });

  it('a personnummer and an unknown field, in both languages', async () => {
    const personal = await h.request('POST', `/api/units/${bjork}/deficiencies`, {
      persona: 'principal-bjork', body: { title: 'Gäller 19121212-1212', source: 'complaint', foundOn: '2026-10-01' }, headers: english,
    });
    expect(personal.body).toMatchObject({ code: 'personalIdentityNumber', field: 'title', detail: expect.stringMatching(/^Title: The text contains a personal identity number/) });
    const unknown = await h.request('POST', `/api/units/${bjork}/deficiencies`, {
      persona: 'principal-bjork', body: { title: 'Brist', source: 'complaint', foundOn: '2026-10-01', pupilName: 'Kalle' },
    });
    expect(unknown.body).toMatchObject({ field: 'pupilName', detail: 'Fältet "pupilName": tas inte emot här' });
  });

  it('a rule of the domain: the deficiency that cannot close yet', async () => {
    const created = await h.request('POST', `/api/units/${bjork}/deficiencies`, { persona: 'principal-bjork', body: { title: 'Otrygg skolgård', source: 'complaint', foundOn: '2026-10-01' } });
    const close = await h.request('PATCH', `/api/deficiencies/${String(created.body['id'])}`, {
      persona: 'principal-bjork', body: { status: 'closed' }, headers: { 'if-match': String(created.body['etag']) },
    });
    expect(close.body).toMatchObject({ code: 'deficiencyWithoutAction', field: 'status', fieldLabel: 'Status' });
    expect(String(close.body['detail'])).toMatch(/^Status: en brist kan inte stängas/);
  });

  it('a refusal: the title and why, in the language asked for', async () => {
    const body = { title: 'Läsårets mål' };
    const sv = await h.request('POST', `/api/units/${bjork}/goals`, { persona: 'board', body });
    expect(sv.status).toBe(403);
    expect(sv.body).toMatchObject({ code: 'forbidden', title: 'Behörighet saknas', detail: 'Bara enhetens rektor får göra det här.' });
    const en = await h.request('POST', `/api/units/${bjork}/goals`, { persona: 'board', body, headers: english });
    expect(en.body).toMatchObject({ code: 'forbidden', title: 'Not allowed', detail: 'Only the unit\'s principal may do this.' });
    const organizer = await h.request('GET', '/api/organizer/rollup', { persona: 'staff-bjork', headers: english });
    expect(organizer.body).toMatchObject({ status: 403, detail: 'The roll-up is for the administration and the board.' });
  });
});
