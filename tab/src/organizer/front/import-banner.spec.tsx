import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportJob, ImportJobList, Rollup } from '../../../../src/contract';
import { I18nProvider, type Language } from '../../i18n/i18n';
import { renderWithSession } from '../../testing/render';
import OrganizerPage from '../organizer-page';
import { recentSchoolYears } from '../school-years';
import { ImportBanner } from './import-banner';
import { importNotice } from './import-notice';
import { useImportNotice } from './use-import-notice';

afterEach(cleanup);

const now = new Date('2026-03-10T14:00:00Z');
function job(state: ImportJob['state'], written: number, extra: Partial<ImportJob> = {}): ImportJob {
  return {
    id: 'j1', state, kind: 'kolada', total: 70_000, written, created: state === 'done' ? 70_000 : 0, updated: 0, unchanged: 0,
    queuedAt: '2026-03-10T13:00:00Z', startedAt: '2026-03-10T13:00:05Z', ...(state === 'running' ? { estimatedEnd: '2026-03-10T14:40:00Z' } : {}), ...extra,
  };
}

describe('importNotice', () => {
  it('tells a running or queued import before anything else', () => {
    const running = job('running', 12_400, { id: 'j2' });
    expect(importNotice([job('failed', 0), running], new Set(), now)).toEqual({ kind: 'running', job: running });
    expect(importNotice([job('queued', 0)], new Set(), now).kind).toBe('running');
  });

  it('tells a done import only when this page saw it run', () => {
    const done = job('done', 70_000, { finishedAt: '2026-03-10T13:50:00Z' });
    expect(importNotice([done], new Set(['j1']), now)).toEqual({ kind: 'done', job: done });
    expect(importNotice([done], new Set(), now)).toEqual({ kind: 'none' });
  });

  it('tells a failed import for a day after it failed, then no more', () => {
    const failed = job('failed', 300, { finishedAt: '2026-03-09T15:00:00Z', failure: 'SharePoint svarade inte' });
    expect(importNotice([failed], new Set(), now).kind).toBe('failed');
    expect(importNotice([failed], new Set(), new Date('2026-03-10T15:00:01Z')).kind).toBe('none');
    expect(importNotice([], new Set(), now).kind).toBe('none');
  });
});

/** The banner as the front view uses it: following the stubbed list, every `pollMs`. */
function Follow({ answers, pollMs, onOpen = () => undefined }: { answers: () => ImportJobList; pollMs: number; onOpen?: () => void }) {
  // one API for the life of the view, as the organizer page gives it
  const [api] = useState(() => ({ recentImports: async () => answers() }));
  const { notice } = useImportNotice(api, true, undefined, pollMs);
  return <ImportBanner notice={notice} onOpen={onOpen} />;
}

function renderFollow(answers: ImportJobList[], language: Language = 'sv', onOpen?: () => void) {
  let asked = 0;
  const next = () => answers[Math.min(asked++, answers.length - 1)] ?? { items: [] };
  render(
    <FluentProvider theme={teamsLightTheme}>
      <I18nProvider language={language}><Follow answers={next} pollMs={5} {...(onOpen ? { onOpen } : {})} /></I18nProvider>
    </FluentProvider>,
  );
  return { asked: () => asked };
}

describe('ImportBanner on the front view', () => {
  it('shows a running import\'s rows and end in a polite live region, follows it to done, then stops asking', async () => {
    const { asked } = renderFollow([
      { items: [job('running', 12_400)] },
      { items: [job('running', 40_000)] },
      { items: [job('done', 70_000, { finishedAt: '2026-03-10T14:39:00Z' })] },
    ]);
    const region = screen.getByTestId('import-notice');
    expect(region.getAttribute('role')).toBe('status');
    expect(region.getAttribute('aria-live')).toBe('polite');
    // the region is there before anything is said in it, so the first words are announced too
    expect(region.textContent).toBe('');
    await waitFor(() => expect(region.textContent).toMatch(/^Import pågår: 12\s400 av 70\s000 rader, klar omkring \d\d[:.]\d\dÖppna importen$/));
    await waitFor(() => expect(region.textContent).toMatch(/^Importen är klar: 70\s000 nya, 0 ändrade, 0 oförändrade\.Öppna importen$/));
    const after = asked();
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(asked()).toBe(after);
    expect(screen.getByRole('button', { name: 'Öppna importen' })).toBeTruthy();
  });

  it('says a failed import\'s reason, in English too, and opens the import view', async () => {
    const opened: string[] = [];
    renderFollow([{ items: [job('failed', 300, { finishedAt: new Date().toISOString(), failure: 'SharePoint did not answer' })] }], 'en', () => opened.push('import'));
    await screen.findByText('The import failed and is not counted: SharePoint did not answer');
    await userEvent.click(screen.getByRole('button', { name: 'Open the import' }));
    expect(opened).toEqual(['import']);
  });

  it('says nothing, and asks once, when no import runs', async () => {
    const { asked } = renderFollow([{ items: [job('done', 70_000, { finishedAt: '2026-03-01T10:00:00Z' })] }]);
    await waitFor(() => expect(asked()).toBe(1));
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(asked()).toBe(1);
    expect(screen.getByTestId('import-notice').textContent).toBe('');
  });
});

describe('the organizer page\'s front view', () => {
  const schoolYear = recentSchoolYears()[0] ?? '';
  const rollup: Rollup = {
    schoolYear, years: [schoolYear], today: '2026-03-01', units: [],
    phaseSummary: { followUp: { done: 0, inProgress: 0, notStarted: 0 }, analysis: { done: 0, inProgress: 0, notStarted: 0 }, planning: { done: 0, inProgress: 0, notStarted: 0 }, implementation: { done: 0, inProgress: 0, notStarted: 0 } },
    indicators: [], deficiencies: [], overdueActions: [], commonAreasToDevelop: [], awaitingFeedback: [], unreadFeedback: [],
  };
  const routes = (appRoles: string[]) => ({
    'GET /api/me': () => ({ userId: 'u', name: 'n', appRoles, units: [] }),
    'GET /api/setup': () => ({ configured: true, contact: { name: 'BUN', email: 'bun@kommun.se' }, schoolYear }),
    'GET /api/organizer/rollup': () => rollup,
  });

  it('shows the administration a running import above the roll-up, and its link opens the import view', async () => {
    renderWithSession(<OrganizerPage />, { ...routes(['Administration']), 'GET /api/organizer/imports': () => ({ items: [job('running', 12_400)] }), 'GET /api/organizer/imports/j1': () => job('running', 12_400) });
    await screen.findByTestId('rollup', {}, { timeout: 5_000 });
    // the notice was in before the roll-up was shown: nothing moved when it came
    expect(screen.getByTestId('import-notice').textContent).toMatch(/^Import pågår: 12\s400 av 70\s000 rader/);
    await userEvent.click(screen.getByRole('button', { name: 'Öppna importen' }));
    // the import view, which follows the same import
    expect(await screen.findByTestId('import', {}, { timeout: 5_000 })).toBeTruthy();
  });

  it('never asks the board about imports', async () => {
    const { seen } = renderWithSession(<OrganizerPage />, routes(['Board']));
    await screen.findByTestId('rollup', {}, { timeout: 5_000 });
    expect(screen.queryByTestId('import-notice')).toBeNull();
    expect(seen.map((request) => request.path).filter((path) => path.includes('imports'))).toEqual([]);
  });
});
