import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { reply } from '../../testing/fetch-stub';
import type { SeenRequest } from '../../testing/fetch-stub';
import { item, renderWithSession } from '../../testing/render';
import ActionsView from './actions-view';

const me = { userId: 'u-cecilia', name: 'Cecilia Ek', appRoles: [], units: [{ unitId: '1', name: 'Björkskolan', roles: ['principal'] }] };
const action = item('3', {
  title: 'Läsfrämjande insats', unitId: '1', ownerId: 'u-david', ownerName: 'David Berg', dueDate: '2099-05-01',
  status: 'planned', originKind: 'analysis', originId: '5', schoolYear: '2025/26',
});
const analysis = item('5', { unitId: '1', schoolYear: '2025/26', period: '2025/26 HT', status: 'draft', strengths: [], areasToDevelop: [], measurementIds: [], goalIds: [], participants: [] });

function routes(extra: Record<string, (req: SeenRequest) => unknown> = {}) {
  return {
    'GET /api/units/1/actions': () => ({ items: [action] }),
    'GET /api/units/1/goals': () => ({ items: [] }),
    'GET /api/me': () => me,
    'GET /api/units/1/analyses': () => ({ items: [analysis] }),
    'GET /api/units/1/meetings': () => ({ items: [] }),
    'GET /api/units/1/deficiencies': () => ({ items: [] }),
    'GET /api/units/1/people': () => ({ items: [] }),
    ...extra,
  };
}

/** The origin is the user's choice: the kind, then the record (nothing is chosen for them). */
async function chooseAnalysis(dialog: HTMLElement): Promise<void> {
  await userEvent.click(within(dialog).getByRole('radio', { name: 'En av enhetens analyser' }));
  await userEvent.selectOptions(await within(dialog).findByRole('combobox', { name: /Analys/ }), '5');
}

describe('ActionsView', () => {
  afterEach(cleanup);

  it('creates an action from the analysis with an owner and a due date', async () => {
    const { seen } = renderWithSession(<ActionsView unitId="1" />, routes({
      'POST /api/units/1/actions': (req) => reply(201, item('8', req.body as object), false),
    }));
    await userEvent.click(await screen.findByRole('button', { name: 'Ny åtgärd' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Rubrik/ }), 'Kollegial handledning');
    await userEvent.type(within(dialog).getByLabelText(/Klart senast/), '2026-03-01');
    await userEvent.type(within(dialog).getByLabelText(/Startar/), '2026-01-15');
    await chooseAnalysis(dialog);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    const body = seen.find((r) => r.method === 'POST')?.body;
    expect(body).not.toHaveProperty('unitId');
    expect(body).toMatchObject({
      title: 'Kollegial handledning', ownerId: 'u-cecilia', ownerName: 'Cecilia Ek', startDate: '2026-01-15', dueDate: '2026-03-01',
      status: 'planned', originKind: 'analysis', originId: '5',
    });
  });

  it('chooses no origin for the user: saving without one says so and sends nothing', async () => {
    const { seen } = renderWithSession(<ActionsView unitId="1" />, routes());
    await userEvent.click(await screen.findByRole('button', { name: 'Ny åtgärd' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getAllByRole('radio').some((radio) => (radio as HTMLInputElement).checked)).toBe(false);
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Rubrik/ }), 'Kollegial handledning');
    await userEvent.type(within(dialog).getByLabelText(/Klart senast/), '2026-03-01');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Spara' }));
    expect(await within(dialog).findByText('Välj vad åtgärden utgår från.')).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('radio', { name: 'En av enhetens analyser' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Spara' }));
    expect(await within(dialog).findByText('Välj vad åtgärden utgår från.')).toBeTruthy();
    expect(seen.some((r) => r.method === 'POST')).toBe(false);
  });

  it('marks an action done only with its evaluation: without one the field says why and nothing is sent', async () => {
    const { seen } = renderWithSession(<ActionsView unitId="1" />, routes({
      'PATCH /api/actions/3': (req) => item('3', { ...action, ...(req.body as object) }, '"3,2"'),
    }));
    await userEvent.click(await screen.findByRole('button', { name: 'Markera som genomförd: Läsfrämjande insats' }));
    const dialog = await screen.findByRole('dialog');
    expect((within(dialog).getByRole('combobox', { name: /Status/ }) as HTMLSelectElement).value).toBe('done');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Spara' }));
    const evaluation = within(dialog).getByRole('textbox', { name: /Hur blev det\?/ });
    await waitFor(() => expect(evaluation.getAttribute('aria-invalid')).toBe('true'));
    expect(seen.some((r) => r.method === 'PATCH')).toBe(false);
    await userEvent.type(evaluation, 'Fler elever lånar böcker.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'PATCH')).toBe(true));
    expect(seen.find((r) => r.method === 'PATCH')?.body).toEqual({ status: 'done', evaluation: 'Fler elever lånar böcker.' });
  });

  it('shows where the action comes from with a link, and its comments; Kommentera adds one with the eTag', async () => {
    const commented = { ...action, comments: [{ authorId: 'u-david', authorName: 'David Berg', at: '2026-02-01T09:00:00Z', text: 'Böckerna är beställda.' }] };
    const { seen } = renderWithSession(<ActionsView unitId="1" />, routes({
      'GET /api/units/1/actions': () => ({ items: [commented] }),
      'POST /api/actions/3/comments': (req) => item('3', { ...commented, comments: [...commented.comments, { authorId: 'u-cecilia', authorName: 'Cecilia Ek', at: '2026-02-02T10:00:00Z', text: (req.body as { text: string }).text }] }, '"3,2"'),
    }));
    const link = await screen.findByRole('link', { name: 'Utgår från Analys' });
    expect(link.getAttribute('href')).toContain('view=analysis');
    await userEvent.click(screen.getByRole('button', { name: 'Redigera: Läsfrämjande insats' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Böckerna är beställda.')).toBeTruthy();
    expect(within(dialog).getByText(/David Berg, 1 feb\. 2026/)).toBeTruthy();
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Ny kommentar' }), 'Vi ses i mars.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Kommentera' }));
    expect(await within(dialog).findByText('Vi ses i mars.')).toBeTruthy();
    const post = seen.find((r) => r.method === 'POST');
    expect(post?.body).toEqual({ text: 'Vi ses i mars.' });
    expect(post?.headers['if-match']).toBe('"3,1"');
  });

  it('edits with If-Match and sends only what changed', async () => {
    const { seen } = renderWithSession(<ActionsView unitId="1" />, routes({
      'PATCH /api/actions/3': (req) => item('3', { ...action, ...(req.body as object) }, '"3,2"'),
    }));
    await userEvent.click(await screen.findByRole('button', { name: 'Redigera: Läsfrämjande insats' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: /Status/ }), 'inProgress');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'PATCH')).toBe(true));
    const patch = seen.find((r) => r.method === 'PATCH');
    expect(patch?.body).toEqual({ status: 'inProgress' });
    expect(patch?.headers['if-match']).toBe('"3,1"');
  });

  it('shows a conflict with the current text and saves on top only when asked', async () => {
    const theirs = { ...action, etag: '"3,4"', title: 'Läsfrämjande insats i åk 4', evaluation: 'Fler lånar böcker.' };
    let patches = 0;
    const { seen } = renderWithSession(<ActionsView unitId="1" />, routes({
      'PATCH /api/actions/3': (req) => {
        patches += 1;
        if (req.headers['if-match'] === '"3,1"') return reply(409, { title: 'Conflict', status: 409, code: 'conflict', detail: 'Ändrad av någon annan.', current: theirs });
        return item('3', { ...theirs, ...(req.body as object) }, '"3,5"');
      },
    }));
    await userEvent.click(await screen.findByRole('button', { name: 'Redigera: Läsfrämjande insats' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: /Status/ }), 'done');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Hur blev det\?/ }), 'Klart.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Spara' }));
    const conflict = await within(dialog).findByTestId('conflict');
    expect(within(conflict).getByText('Läsfrämjande insats i åk 4')).toBeTruthy();
    expect(within(conflict).getByText('Fler lånar böcker.')).toBeTruthy();
    expect(patches).toBe(1);
    await userEvent.click(within(conflict).getByRole('button', { name: 'Spara min version ovanpå' }));
    await waitFor(() => expect(patches).toBe(2));
    const second = seen.filter((r) => r.method === 'PATCH')[1];
    expect(second?.headers['if-match']).toBe('"3,4"');
    // Only my change is sent: their new title and evaluation stay.
    expect(second?.body).toEqual({ status: 'done', evaluation: 'Klart.' });
  });

  it('takes the current version when the user chooses it, and sends nothing', async () => {
    const theirs = { ...action, etag: '"3,4"', title: 'Läsfrämjande insats i åk 4' };
    const { seen } = renderWithSession(<ActionsView unitId="1" />, routes({
      'PATCH /api/actions/3': () => reply(409, { title: 'Conflict', status: 409, code: 'conflict', detail: 'Ändrad.', current: theirs }),
    }));
    await userEvent.click(await screen.findByRole('button', { name: 'Redigera: Läsfrämjande insats' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: /Status/ }), 'done');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Hur blev det\?/ }), 'Klart.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Spara' }));
    await userEvent.click(await within(dialog).findByRole('button', { name: 'Använd nuvarande version' }));
    expect((within(dialog).getByRole('textbox', { name: /Rubrik/ }) as HTMLInputElement).value).toBe('Läsfrämjande insats i åk 4');
    expect((within(dialog).getByRole('combobox', { name: /Status/ }) as HTMLSelectElement).value).toBe('planned');
    expect(seen.filter((r) => r.method === 'PATCH')).toHaveLength(1);
  });

  it('highlights the field a 400 names', async () => {
    renderWithSession(<ActionsView unitId="1" />, routes({
      'POST /api/units/1/actions': () => reply(400, { title: 'Invalid', status: 400, code: 'invalid', detail: 'Texten innehåller ett personnummer.', field: 'title' }),
    }));
    await userEvent.click(await screen.findByRole('button', { name: 'Ny åtgärd' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Rubrik/ }), 'Elev 19121212-1212');
    await userEvent.type(within(dialog).getByLabelText(/Klart senast/), '2026-03-01');
    await chooseAnalysis(dialog);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Spara' }));
    expect(await within(dialog).findByText('Texten innehåller ett personnummer.')).toBeTruthy();
    expect(within(dialog).getByRole('textbox', { name: /Rubrik/ }).getAttribute('aria-invalid')).toBe('true');
  });

  it('shows staff the edit button only on the actions they own', async () => {
    const mine = { ...action, id: '4', etag: '"4,1"', title: 'Min åtgärd', ownerId: 'u-elin', ownerName: 'Elin Berg' };
    renderWithSession(<ActionsView unitId="1" />, routes({
      'GET /api/me': () => ({ userId: 'u-elin', name: 'Elin Berg', appRoles: [], units: [{ unitId: '1', name: 'Björkskolan', roles: ['staff'] }] }),
      'GET /api/units/1/actions': () => ({ items: [action, mine] }),
    }));
    expect(await screen.findByRole('button', { name: 'Redigera: Min åtgärd' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Redigera: Läsfrämjande insats' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Ny åtgärd' })).toBeTruthy();
  });
});
