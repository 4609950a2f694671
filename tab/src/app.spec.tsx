import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Overview, Unit } from '../../src/contract';
import { App } from './app';
import { writeToken } from './auth/token-store';
import { stubFetch } from './testing/fetch-stub';
import './testing/polyfills';
import { item } from './testing/render';

const localConfig = { mode: 'local', devIdp: { tokenUrl: '/dev-idp/token', personasUrl: '/dev-idp/personas' }, schoolUnitRegister: false };

describe('App', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    window.sessionStorage.clear();
  });

  it('starts standalone outside a frame without loading teams-js, and shows the persona picker', async () => {
    const loadTeams = vi.fn(async () => Promise.reject(new Error('not expected')));
    const stub = stubFetch({ 'GET /api/config': () => localConfig, 'GET /dev-idp/personas': () => [{ id: 'admin', name: 'Anna Lindqvist' }] });
    render(<App detect={{ isFramed: false, loadTeams }} location={{ pathname: '/config', search: '' }} fetch={stub.fetch} storage={window.sessionStorage} />);
    expect(await screen.findByRole('button', { name: 'Logga in som Anna Lindqvist' })).toBeTruthy();
    expect(loadTeams).not.toHaveBeenCalled();
  });

  it('links the privacy, terms and accessibility statements from the sign-in page on, in the tab\'s language', async () => {
    const stub = stubFetch({ 'GET /api/config': () => localConfig, 'GET /dev-idp/personas': () => [{ id: 'admin', name: 'Anna Lindqvist' }] });
    render(<App detect={{ isFramed: false }} location={{ pathname: '/config', search: '?lang=en' }} fetch={stub.fetch} storage={window.sessionStorage} />);
    const menu = await screen.findByRole('navigation', { name: 'About the service' });
    const links = [...menu.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('target')]);
    expect(links).toEqual([
      ['Privacy (opens in a new window)', '/privacy?lang=en', '_blank'],
      ['Terms of use (opens in a new window)', '/terms?lang=en', '_blank'],
      ['Accessibility (opens in a new window)', '/accessibility?lang=en', '_blank'],
    ]);
    cleanup();
    render(<App detect={{ isFramed: false }} location={{ pathname: '/config', search: '' }} fetch={stub.fetch} storage={window.sessionStorage} />);
    const svenska = await screen.findByRole('navigation', { name: 'Om tjänsten' });
    expect([...svenska.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['/privacy', '/terms', '/accessibility']);
  });

  it('asks for the sign-in configuration once, with the browser fetch as well (no render loop)', async () => {
    const stub = stubFetch({ 'GET /api/config': () => localConfig, 'GET /dev-idp/personas': () => [{ id: 'admin', name: 'Anna Lindqvist' }] });
    vi.stubGlobal('fetch', stub.fetch);
    render(<App detect={{ isFramed: false }} location={{ pathname: '/config', search: '' }} />);
    await screen.findByRole('button', { name: 'Logga in som Anna Lindqvist' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stub.seen.filter((r) => r.path === '/api/config')).toHaveLength(1);
  });

  it('speaks English and uses the dark theme when Teams says so', async () => {
    const stub = stubFetch({ 'GET /api/config': () => localConfig, 'GET /dev-idp/personas': () => [{ id: 'admin', name: 'Anna Lindqvist' }] });
    let themeHandler: ((theme: string) => void) | undefined;
    const sdk = {
      context: { frameContext: 'settings', locale: 'en-us', theme: 'dark', hostName: 'Teams' },
      onThemeChange: (handler: (theme: string) => void) => {
        themeHandler = handler;
      },
      setConfig: async () => undefined,
      onSave: () => undefined,
      setValidityState: () => undefined,
    };
    render(<App detect={{ isFramed: true, loadTeams: async () => sdk }} location={{ pathname: '/config', search: '' }} fetch={stub.fetch} storage={window.sessionStorage} />);
    expect(await screen.findByRole('button', { name: 'Sign in as Anna Lindqvist' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(themeHandler).toBeTypeOf('function');
  });

  it('opens the overview for a ?view= it does not know, and reads it ahead like the overview it is', async () => {
    writeToken({ accessToken: 'tok', expiresAt: Date.now() + 3_600_000, name: 'Cecilia Ek' }, window.sessionStorage);
    const unit: Unit = item('3', { name: 'Lindgymnasiet', type: 'gymnasieskola', schoolUnitCode: '91234503', principalIds: [] });
    const overview: Overview = {
      unit, schoolYear: '2025/26',
      cycle: { schoolYear: '2025/26', phases: { followUp: 'done', analysis: 'inProgress', planning: 'notStarted', implementation: 'notStarted' }, current: 'analysis' },
      goals: [], indicators: [], latestMeasurements: [], openActions: [], overdueActions: [], nextMeetings: [], nextActivities: [],
    };
    // Read ahead, the overview is asked for with the unit, before the channel tab has drawn its tabs;
    // asked for by the view itself, only once the tabs are there.
    let tabsWhenAsked: boolean | undefined;
    const stub = stubFetch({
      'GET /api/config': () => localConfig,
      'GET /api/units/3': () => unit,
      'GET /api/units/3/overview': () => {
        tabsWhenAsked = screen.queryByRole('tablist') !== null;
        return overview;
      },
    });
    render(<App detect={{ isFramed: false }} location={{ pathname: '/tab', search: '?unitId=3&view=bogus' }} fetch={stub.fetch} storage={window.sessionStorage} />);
    expect(await screen.findByTestId('overview')).toBeTruthy();
    expect(screen.getByRole('tab', { selected: true }).id).toBe('tab-overview');
    expect(stub.seen.filter((request) => request.path === '/api/units/3/overview')).toHaveLength(1);
    expect(tabsWhenAsked).toBe(false);
  });
});
