import { describe, expect, it } from 'vitest';
import { item } from '../../testing/render';
import { originChoices, originFields, originKindsFor, originNote, picksRecord, resolveOrigin } from './action-origin';
import type { OriginChoices, OriginInput } from './action-origin';

const analysis = (id: string, period: string, status: 'draft' | 'submitted') =>
  item(id, { unitId: '1', schoolYear: '2025/26', period, status, strengths: [], areasToDevelop: [], measurementIds: [], goalIds: [], participants: [] });
const deficiency = (id: string, title: string, foundOn: string, status: 'open' | 'closed') =>
  item(id, { title, unitId: '1', source: 'other' as const, foundOn, status });
const meeting = (id: string, title: string, startsAt: string) =>
  item(id, { type: 'resultsConference' as const, title, unitId: '1', startsAt, schoolYear: '2025/26', participants: [], agenda: [] });

const inMeeting: OriginInput = { in: 'meeting', meetingId: '5' };
const inUnit: OriginInput = { in: 'unit' };
const none: OriginChoices = { analysis: [], meeting: [], deficiency: [] };

describe('originChoices', () => {
  it('offers the newest analysis and meeting first and only open deficiencies, oldest found first', () => {
    const choices = originChoices({
      analyses: [analysis('1', '2024/25 VT', 'submitted'), analysis('2', '2025/26 HT', 'draft')],
      meetings: [meeting('11', 'Höstens konferens', '2025-11-10T13:00:00Z'), meeting('12', 'Vårens konferens', '2026-03-10T13:00:00Z')],
      deficiencies: [deficiency('7', 'Senare', '2026-02-01', 'open'), deficiency('8', 'Stängd', '2025-01-01', 'closed'), deficiency('9', 'Tidigare', '2025-11-01', 'open')],
    }, (a) => `${a.period}${a.status === 'draft' ? ' (utkast)' : ''}`);
    expect(choices.analysis).toEqual([{ id: '2', label: '2025/26 HT (utkast)' }, { id: '1', label: '2024/25 VT' }]);
    expect(choices.meeting).toEqual([{ id: '12', label: 'Vårens konferens' }, { id: '11', label: 'Höstens konferens' }]);
    expect(choices.deficiency).toEqual([{ id: '9', label: 'Tidigare' }, { id: '7', label: 'Senare' }]);
  });
});

describe('resolveOrigin and originFields', () => {
  it('records the meeting in every case, and asks for a choice of analysis or deficiency', () => {
    const at = (kind: 'meeting' | 'analysis' | 'deficiency', id: string, choices = none) => originFields(inMeeting, resolveOrigin(inMeeting, choices, { kind, id }));
    expect(originFields(inMeeting, resolveOrigin(inMeeting, undefined, { kind: null, id: '' }))).toEqual({ originKind: 'meeting', originId: '5', meetingId: '5' });
    expect(at('analysis', '21', { ...none, analysis: [{ id: '21', label: 'Analys' }] })).toEqual({ originKind: 'analysis', originId: '21', meetingId: '5' });
    expect(at('deficiency', '31', { ...none, deficiency: [{ id: '31', label: 'Brist' }] })).toEqual({ originKind: 'deficiency', originId: '31', meetingId: '5' });
    expect(at('deficiency', '')).toBeNull();
  });

  it('in the channel tab chooses nothing for the user: no kind and no record until they pick them', () => {
    const analyses = { ...none, analysis: [{ id: '5', label: 'A' }, { id: '6', label: 'B' }] };
    expect(resolveOrigin(inUnit, analyses, { kind: null, id: '' })).toEqual({ kind: null, id: '' });
    expect(resolveOrigin(inUnit, analyses, { kind: 'analysis', id: '' })).toEqual({ kind: 'analysis', id: '' });
    expect(resolveOrigin(inUnit, analyses, { kind: 'analysis', id: '6' })).toEqual({ kind: 'analysis', id: '6' });
    expect(resolveOrigin(inUnit, analyses, { kind: 'analysis', id: '99' })).toEqual({ kind: 'analysis', id: '' });
    expect(originFields(inUnit, { kind: 'meeting', id: '12' })).toEqual({ originKind: 'meeting', originId: '12' });
    expect(originFields(inUnit, resolveOrigin(inUnit, analyses, { kind: null, id: '' }))).toBeNull();
    expect(originFields(inUnit, resolveOrigin(inUnit, analyses, { kind: 'analysis', id: '' }))).toBeNull();
  });
});

describe('from a deficiency of the register', () => {
  it('offers that deficiency alone and makes the action come from it', () => {
    const fromDeficiency: OriginInput = { in: 'deficiency', deficiencyId: '42' };
    expect(originKindsFor(fromDeficiency)).toEqual(['deficiency']);
    expect(picksRecord(fromDeficiency, 'deficiency')).toBe(false);
    const origin = resolveOrigin(fromDeficiency, undefined, { kind: null, id: '' });
    expect(origin).toEqual({ kind: 'deficiency', id: '42' });
    expect(originFields(fromDeficiency, origin)).toEqual({ originKind: 'deficiency', originId: '42' });
  });
});

describe('originNote', () => {
  it('notes an analysis or a deficiency, not the meeting', () => {
    expect(originNote({ originKind: 'analysis' })).toBe('meeting.fromAnalysis');
    expect(originNote({ originKind: 'deficiency' })).toBe('meeting.fromDeficiency');
    expect(originNote({ originKind: 'meeting' })).toBeUndefined();
  });
});
