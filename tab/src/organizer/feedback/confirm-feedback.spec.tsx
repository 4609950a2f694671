import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useSession } from '../../auth/session';
import { item, renderWithSession } from '../../testing/render';
import { ConfirmFeedback, latestFeedback } from './confirm-feedback';

afterEach(cleanup);

const feedback = (id: string, givenAt: string, readAt?: string) => item(id, {
  unitId: '3', analysisId: '5', schoolYear: '2025/26', text: `Återkoppling ${id}`, authorId: '1a000000-0000-4000-8000-000000000001', givenAt, ...(readAt ? { readAt } : {}),
});

function WithSession() {
  const { api } = useSession();
  return <ConfirmFeedback api={api} unitId="3" />;
}

describe('latestFeedback', () => {
  it('takes the newest', () => {
    expect(latestFeedback([feedback('1', '2026-01-01T00:00:00Z'), feedback('2', '2026-02-01T00:00:00Z')])?.id).toBe('2');
    expect(latestFeedback([])).toBeUndefined();
  });
});

describe('ConfirmFeedback', () => {
  it('confirms the latest feedback as read and then says so', async () => {
    const { seen } = renderWithSession(<WithSession />, {
      'GET /api/units/3/feedback': () => ({ items: [feedback('1', '2026-01-01T00:00:00Z'), feedback('2', '2026-02-01T00:00:00Z')] }),
      'POST /api/feedback/2/read': () => feedback('2', '2026-02-01T00:00:00Z', '2026-02-03T09:00:00Z'),
    });
    await screen.findByText('Återkoppling 2');
    fireEvent.click(screen.getByRole('button', { name: 'Bekräfta läst' }));
    await screen.findByText(/Du bekräftade .* att återkopplingen är läst\./);
    expect(seen.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/api/feedback/2/read']);
    expect(screen.queryByRole('button', { name: 'Bekräfta läst' })).toBeNull();
  });

  it('shows the refusal when someone other than the principal tries', async () => {
    renderWithSession(<WithSession />, {
      'GET /api/units/3/feedback': () => ({ items: [feedback('2', '2026-02-01T00:00:00Z')] }),
      'POST /api/feedback/2/read': () => ({ status: 403, body: { status: 403, code: 'forbidden', title: 'Forbidden', detail: 'Bara rektor bekräftar' }, problem: true }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Bekräfta läst' }));
    await screen.findByText('Bara rektor bekräftar');
  });
});
