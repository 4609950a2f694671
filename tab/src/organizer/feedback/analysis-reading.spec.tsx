import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { item, renderWithSession } from '../../testing/render';
import { AnalysisReading } from './analysis-reading';

afterEach(cleanup);

const analysis = item('5', {
  unitId: '1', schoolYear: '2025/26', period: '2025/26', status: 'submitted' as const, submittedAt: '2026-02-01T10:00:00Z',
  followUp: 'Behörigheten har sjunkit.', causes: 'Få lärare i matematik.',
  strengths: ['Trygg skolmiljö', 'Engagerade lärare'], areasToDevelop: ['Studiero'], measurementIds: [], goalIds: [], participants: [],
});

describe('AnalysisReading', () => {
  it('shows the organizer a unit\'s strengths first, then its areas to develop, then the questions it answered', () => {
    renderWithSession(<AnalysisReading analysis={analysis} />, {});
    const headings = screen.getAllByRole('heading', { level: 4 }).map((h) => h.textContent);
    expect(headings.slice(0, 4)).toEqual(['Styrkor', 'Utvecklingsområden', 'Var är vi?', 'Varför blev det som det blev när vi gjorde som vi gjorde?']);
    const text = document.body.textContent ?? '';
    expect(text.indexOf('Engagerade lärare')).toBeLessThan(text.indexOf('Studiero'));
    expect(text.indexOf('Studiero')).toBeLessThan(text.indexOf('Behörigheten har sjunkit.'));
  });
});
