import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../../../src/contract';
import { analysisToAnswer } from './pick-analysis';

const analysis = (id: string, fields: Partial<Analysis>): Analysis => ({
  id, etag: '"1"', createdAt: '2026-01-01T00:00:00Z', modifiedAt: '2026-01-01T00:00:00Z',
  unitId: '1', schoolYear: '2025/26', period: '2025/26', status: 'draft', strengths: [], areasToDevelop: [],
  measurementIds: [], goalIds: [], participants: [], ...fields,
});

describe('analysisToAnswer', () => {
  it('takes the latest submitted analysis of the school year and never a draft', () => {
    const chosen = analysisToAnswer([
      analysis('1', { status: 'draft', modifiedAt: '2026-05-01T00:00:00Z' }),
      analysis('2', { status: 'submitted', submittedAt: '2026-02-01T00:00:00Z' }),
      analysis('3', { status: 'submitted', submittedAt: '2026-03-01T00:00:00Z' }),
      analysis('4', { status: 'submitted', schoolYear: '2024/25', submittedAt: '2026-04-01T00:00:00Z' }),
    ], '2025/26');
    expect(chosen?.id).toBe('3');
  });

  it('falls back to one that has feedback, and to nothing when only drafts exist', () => {
    expect(analysisToAnswer([analysis('5', { status: 'feedbackGiven' })], '2025/26')?.id).toBe('5');
    expect(analysisToAnswer([analysis('6', { status: 'draft' })], '2025/26')).toBeUndefined();
  });
});
