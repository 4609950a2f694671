import { describe, expect, it } from 'vitest';
import { item } from '../testing/render';
import { originChoices, originFields, originNote } from './meeting-action-origin';

const analysis = (id: string, period: string, status: 'draft' | 'submitted') =>
  item(id, { unitId: '1', schoolYear: '2025/26', period, status, strengths: [], areasToDevelop: [], measurementIds: [], goalIds: [], participants: [] });
const deficiency = (id: string, title: string, foundOn: string, status: 'open' | 'closed') =>
  item(id, { title, unitId: '1', source: 'other' as const, foundOn, status });

describe('originChoices', () => {
  it('offers the newest analysis first and only open deficiencies, oldest found first', () => {
    const choices = originChoices(
      [analysis('1', '2024/25 VT', 'submitted'), analysis('2', '2025/26 HT', 'draft')],
      [deficiency('7', 'Senare', '2026-02-01', 'open'), deficiency('8', 'Stängd', '2025-01-01', 'closed'), deficiency('9', 'Tidigare', '2025-11-01', 'open')],
      (a) => `${a.period}${a.status === 'draft' ? ' (utkast)' : ''}`,
    );
    expect(choices.analysis).toEqual([{ id: '2', label: '2025/26 HT (utkast)' }, { id: '1', label: '2024/25 VT' }]);
    expect(choices.deficiency).toEqual([{ id: '9', label: 'Tidigare' }, { id: '7', label: 'Senare' }]);
  });
});

describe('originFields', () => {
  it('records the meeting in every case, and asks for a choice of analysis or deficiency', () => {
    expect(originFields('5', 'meeting', '')).toEqual({ originKind: 'meeting', originId: '5', meetingId: '5' });
    expect(originFields('5', 'analysis', '21')).toEqual({ originKind: 'analysis', originId: '21', meetingId: '5' });
    expect(originFields('5', 'deficiency', '31')).toEqual({ originKind: 'deficiency', originId: '31', meetingId: '5' });
    expect(originFields('5', 'deficiency', '')).toBeNull();
  });
});

describe('originNote', () => {
  it('notes an analysis or a deficiency, not the meeting', () => {
    expect(originNote({ originKind: 'analysis' })).toBe('fromAnalysis');
    expect(originNote({ originKind: 'deficiency' })).toBe('fromDeficiency');
    expect(originNote({ originKind: 'meeting' })).toBeUndefined();
  });
});
