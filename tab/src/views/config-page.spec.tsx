import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Me } from '../../../src/contract';
import { HostContext } from '../host/host-context';
import type { TeamsSdk } from '../host/teams-sdk';
import { item, renderWithSession } from '../testing/render';
import ConfigPage, { mayConfigure, mayConfigureOrganizer } from './config-page';

const units = { items: [item('1', { name: 'Björkskolan F–6', type: 'grundskola', schoolUnitCode: '91234501', principalIds: ['p'] }), item('2', { name: 'Lindgymnasiet', type: 'gymnasieskola', schoolUnitCode: '91234503', principalIds: [] })] };
const admin: Me = { userId: 'a', name: 'Anna Lindqvist', appRoles: ['Administration'], units: [] };
const principal = { userId: 'p', name: 'Cecilia Ek', appRoles: [], units: [{ unitId: '1', name: 'Björkskolan F–6', roles: ['principal' as const] }] };

function fakeSdk() {
  const calls: { setConfig: unknown[]; valid: boolean[]; save?: () => Promise<void> } = { setConfig: [], valid: [] };
  const sdk: TeamsSdk = {
    context: { frameContext: 'settings', locale: 'sv-se', theme: 'default', hostName: 'Teams', teamId: 'team-1', channelId: 'channel-1' },
    onThemeChange: () => undefined,
    setConfig: async (config) => {
      calls.setConfig.push(config);
    },
    onSave: (handler) => {
      calls.save = handler;
    },
    setValidityState: (valid) => {
      calls.valid.push(valid);
    },
  };
  return { sdk, calls };
}

describe('ConfigPage', () => {
  afterEach(cleanup);

  it('lets the administration and the unit\'s principal configure, nobody else', () => {
    expect(mayConfigure({ ...principal, units: [] , appRoles: ['Administration'] }, '2')).toBe(true);
    expect(mayConfigure(principal, '1')).toBe(true);
    expect(mayConfigure(principal, '2')).toBe(false);
    expect(mayConfigure({ ...principal, units: [{ unitId: '1', name: 'x', roles: ['staff'] }] }, '1')).toBe(false);
  });

  it('offers only the units the principal leads, binds the channel and saves the tab with the unit id', async () => {
    const { sdk, calls } = fakeSdk();
    const { seen } = renderWithSession(
      <HostContext.Provider value={{ state: { phase: 'teams', context: sdk.context }, sdk }}><ConfigPage /></HostContext.Provider>,
      {
        'GET /api/me': () => principal,
        'GET /api/units': () => units,
        'PUT /api/units/1/channel': (req) => item('1', { ...units.items[0], ...(req.body as object) }),
      },
    );
    await userEvent.click(await screen.findByRole('radio', { name: /Björkskolan F–6/ }));
    expect(screen.queryByRole('radio', { name: /Lindgymnasiet/ })).toBeNull();
    expect(calls.valid).toEqual([true]);
    await calls.save?.();
    expect(seen.find((r) => r.method === 'PUT')?.body).toEqual({ teamId: 'team-1', channelId: 'channel-1' });
    expect(calls.setConfig).toEqual([expect.objectContaining({ entityId: '1', contentUrl: `${window.location.origin}/tab?unitId=1` })]);
    await waitFor(() => expect(screen.getByText('Kanalen är kopplad till Björkskolan F–6.')).toBeTruthy());
  });

  it('lets only the administration choose the organizer\'s view', () => {
    expect(mayConfigureOrganizer(admin)).toBe(true);
    expect(mayConfigureOrganizer(principal)).toBe(false);
    expect(mayConfigureOrganizer({ appRoles: ['Board'] })).toBe(false);
  });

  it('lets the administration give the channel the organizer\'s view: entityId organizer, no unit bound', async () => {
    const { sdk, calls } = fakeSdk();
    const { seen } = renderWithSession(
      <HostContext.Provider value={{ state: { phase: 'teams', context: sdk.context }, sdk }}><ConfigPage /></HostContext.Provider>,
      { 'GET /api/me': () => admin, 'GET /api/units': () => units },
    );
    // the administration may still pick any unit
    await screen.findByRole('radio', { name: /Lindgymnasiet/ });
    await userEvent.click(screen.getByRole('radio', { name: 'Huvudmannens vy (förvaltningen)' }));
    expect(calls.valid).toEqual([true]);
    expect(screen.queryByRole('radio', { name: /Lindgymnasiet/ })).toBeNull();
    await calls.save?.();
    expect(calls.setConfig).toEqual([{
      entityId: 'organizer',
      contentUrl: `${window.location.origin}/tab?view=organizer`,
      websiteUrl: `${window.location.origin}/tab?view=organizer`,
      suggestedDisplayName: 'Kvalitetshjulet',
    }]);
    expect(seen.filter((r) => r.method !== 'GET')).toEqual([]);
    await waitFor(() => expect(screen.getByText('Kanalen visar huvudmannens vy.')).toBeTruthy());
  });

  it('goes back to a unit when the administration changes its mind, and saves that unit', async () => {
    const { sdk, calls } = fakeSdk();
    renderWithSession(
      <HostContext.Provider value={{ state: { phase: 'teams', context: sdk.context }, sdk }}><ConfigPage /></HostContext.Provider>,
      { 'GET /api/me': () => admin, 'GET /api/units': () => units, 'PUT /api/units/2/channel': () => units.items[1] },
    );
    await userEvent.click(await screen.findByRole('radio', { name: 'Huvudmannens vy (förvaltningen)' }));
    await userEvent.click(screen.getByRole('radio', { name: 'En enhet' }));
    expect(calls.valid).toEqual([true, false]);
    await userEvent.click(await screen.findByRole('radio', { name: /Lindgymnasiet/ }));
    await calls.save?.();
    expect(calls.setConfig).toEqual([expect.objectContaining({ entityId: '2', contentUrl: `${window.location.origin}/tab?unitId=2` })]);
  });

  it('never offers the organizer\'s view to a principal', async () => {
    renderWithSession(<ConfigPage />, { 'GET /api/me': () => principal, 'GET /api/units': () => units });
    await screen.findByRole('radio', { name: /Björkskolan F–6/ });
    expect(screen.queryByRole('radio', { name: /Huvudmannens vy/ })).toBeNull();
    expect(screen.queryByText('Vad ska fliken visa?')).toBeNull();
  });

  it('tells staff who may configure', async () => {
    renderWithSession(<ConfigPage />, {
      'GET /api/me': () => ({ ...principal, units: [{ unitId: '1', name: 'Björkskolan F–6', roles: ['staff'] }] }),
      'GET /api/units': () => units,
    });
    expect(await screen.findByText('Bara enhetens rektor eller förvaltningen kan koppla kanalen. Be någon av dem.')).toBeTruthy();
  });
});
