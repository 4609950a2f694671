import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { HostContext } from '../host/host-context';
import { reply } from '../testing/fetch-stub';
import { item, renderWithSession } from '../testing/render';
import ChannelTab from './channel-tab';

const contact = { name: 'Barn- och utbildningsnämnden', email: 'bun@kommun.se' };
const unit = (id: string, name: string) => item(id, { name, type: 'grundskola', schoolUnitCode: '91234501', principalIds: [] });

describe('ChannelTab', () => {
  afterEach(cleanup);

  it('offers the administration every unit it sees, then opens the chosen one', async () => {
    renderWithSession(<ChannelTab view="overview" />, {
      'GET /api/me': () => ({ userId: 'a', name: 'Anna Lindqvist', appRoles: ['Administration'], units: [] }),
      'GET /api/units': () => ({ items: [unit('1', 'Björkskolan F–6'), unit('3', 'Lindgymnasiet')] }),
      'GET /api/units/3': () => unit('3', 'Lindgymnasiet'),
      'GET /api/units/3/overview': () => reply(503, { title: 'Unavailable', status: 503, code: 'unavailable', detail: 'Servern startar.' }),
    });
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Välj enhet' }), '3');
    await userEvent.click(screen.getByRole('button', { name: 'Öppna' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Lindgymnasiet' })).toBeTruthy();
    // A failing view says so; the page around it stays.
    expect(await screen.findByText('Servern startar.')).toBeTruthy();
  });

  it('gives the administration and the board a way from the chooser to their level, and "Byt person"', async () => {
    let switched = 0;
    const routes = (appRoles: string[]) => ({
      'GET /api/me': () => ({ userId: 'a', name: 'Anna Lindqvist', appRoles, units: [] }),
      'GET /api/units': () => ({ items: [unit('1', 'Björkskolan F–6'), unit('3', 'Lindgymnasiet')] }),
    });
    renderWithSession(<ChannelTab view="overview" />, routes(['Administration']), 'sv', () => { switched += 1; });
    const link = await screen.findByRole('link', { name: 'Huvudmannens vy (förvaltningen)' });
    expect(link.getAttribute('href')).toContain('view=organizer');
    await userEvent.click(screen.getByRole('button', { name: 'Byt person' }));
    expect(switched).toBe(1);
    cleanup();
    renderWithSession(<ChannelTab view="overview" />, routes(['Board']));
    expect((await screen.findByRole('link', { name: 'Nämndens sammanställning' })).getAttribute('href')).toContain('view=organizer');
  });

  it('tells a person of another unit in a linked channel that they have no access to that unit', async () => {
    renderWithSession(
      <HostContext.Provider value={{ state: { phase: 'teams', context: { frameContext: 'content', locale: 'sv-se', theme: 'default', hostName: 'Teams', teamId: 't', channelId: 'c' } } }}>
        <ChannelTab view="overview" />
      </HostContext.Provider>,
      { 'GET /api/units/by-channel?teamId=t&channelId=c': () => reply(403, { title: 'Ingen behörighet', status: 403, code: 'noAccessToUnit', detail: 'Linked elsewhere.' }) },
    );
    expect(await screen.findByText('Den här kanalen är kopplad till en enhet som du inte har behörighet till. Fråga enhetens rektor om du behöver den.')).toBeTruthy();
    expect(screen.queryByText(/inte kopplad till någon enhet/)).toBeNull();
  });

  it('in a channel that is not configured, says so and who configures it', async () => {
    renderWithSession(
      <HostContext.Provider value={{ state: { phase: 'teams', context: { frameContext: 'content', locale: 'sv-se', theme: 'default', hostName: 'Teams', teamId: 't', channelId: 'c' } } }}>
        <ChannelTab view="overview" />
      </HostContext.Provider>,
      {
        'GET /api/units/by-channel?teamId=t&channelId=c': () => reply(404, { title: 'Not found', status: 404, code: 'notFound', detail: 'Finns inte.' }),
        'GET /api/me': () => ({ userId: 's', name: 'Elin Berg', appRoles: [], units: [] }),
        'GET /api/setup': () => ({ configured: true, contact, schoolYear: '2026/27' }),
      },
    );
    expect(await screen.findByText(/Den här kanalen är inte kopplad till någon enhet ännu/)).toBeTruthy();
  });

  it('tells a principal with no unit yet whom to ask, and an empty site that it is not set up', async () => {
    renderWithSession(<ChannelTab view="overview" />, {
      'GET /api/me': () => ({ userId: 'p', name: 'David Sjöberg', appRoles: [], units: [] }),
      'GET /api/units': () => ({ items: [] }),
      'GET /api/setup': () => ({ configured: false, contact, schoolYear: '2026/27' }),
    });
    expect(await screen.findByRole('heading', { name: 'Kvalitetshjulet är inte konfigurerat ännu' })).toBeTruthy();
    expect(screen.getByText('Förvaltningen lägger in kommunens enheter. Fråga Barn- och utbildningsnämnden (bun@kommun.se).')).toBeTruthy();
    cleanup();
    renderWithSession(<ChannelTab view="overview" />, {
      'GET /api/me': () => ({ userId: 'p', name: 'David Sjöberg', appRoles: [], units: [] }),
      'GET /api/units': () => ({ items: [] }),
      'GET /api/setup': () => ({ configured: true, contact, schoolYear: '2026/27' }),
    });
    expect(await screen.findByRole('heading', { name: 'Du är inte kopplad till någon enhet ännu' })).toBeTruthy();
  });

  it('points the administration of an empty site to the set-up guide', async () => {
    renderWithSession(<ChannelTab view="overview" />, {
      'GET /api/me': () => ({ userId: 'a', name: 'Anna Lindqvist', appRoles: ['Administration'], units: [] }),
      'GET /api/units': () => ({ items: [] }),
      'GET /api/setup': () => ({ configured: false, contact, schoolYear: '2026/27' }),
    });
    const link = await screen.findByRole('link', { name: 'Öppna Kom igång' });
    expect(link.getAttribute('href')).toBe('?view=organizer&section=setup');
  });

  it('offers a principal Andra enheter from the chooser and as a tab inside a unit, with the way back to the chooser', async () => {
    const me = { userId: 'p', name: 'Cecilia Ek', appRoles: [], units: [{ unitId: '1', name: 'Björkskolan F–6', roles: ['principal'] }] };
    const routes = {
      'GET /api/me': () => me,
      'GET /api/units/1': () => unit('1', 'Björkskolan F–6'),
      'GET /api/units/1/overview': () => reply(503, { title: 'Unavailable', status: 503, code: 'unavailable', detail: 'Servern startar.' }),
    };
    // the way back shows the chooser even to someone with one unit
    renderWithSession(<ChannelTab view="overview" choose />, routes);
    expect((await screen.findByRole('link', { name: 'Andra enheter: lär av varandra' })).getAttribute('href')).toContain('view=other-units');
    await userEvent.click(screen.getByRole('button', { name: 'Öppna' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Björkskolan F–6' })).toBeTruthy();
    await screen.findByText('Servern startar.');
    // jsdom measures no width, so every tab sits in "Mer": found by its id, not by its visible name
    await expect.poll(() => document.getElementById('tab-otherUnits')?.textContent).toContain('Andra enheter');
    expect(screen.getByRole('link', { name: 'Byt enhet' }).getAttribute('href')).toContain('view=units');
    expect(screen.getByRole('link', { name: 'Byt enhet' }).getAttribute('href')).not.toContain('unitId');
  });

  it('offers staff no Andra enheter, neither in the chooser nor as a tab', async () => {
    const me = { userId: 's', name: 'Elin Berg', appRoles: [], units: [{ unitId: '1', name: 'Björkskolan F–6', roles: ['staff'] }] };
    renderWithSession(<ChannelTab view="overview" choose />, {
      'GET /api/me': () => me,
      'GET /api/units/1': () => unit('1', 'Björkskolan F–6'),
      'GET /api/units/1/overview': () => reply(503, { title: 'Unavailable', status: 503, code: 'unavailable', detail: 'Servern startar.' }),
    });
    await screen.findByRole('combobox', { name: 'Välj enhet' });
    expect(screen.queryByRole('link', { name: 'Andra enheter: lär av varandra' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Öppna' }));
    await screen.findByText('Servern startar.');
    expect(document.getElementById('tab-report')).not.toBeNull();
    expect(document.getElementById('tab-otherUnits')).toBeNull();
  });
});
