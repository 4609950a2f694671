import { describe, expect, it } from 'vitest';
import { routeFrom } from '../route';

describe('routeFrom for the organizer pages', () => {
  it('opens the organizer tab, a unit\'s feedback and a unit\'s year wheel from the query', () => {
    expect(routeFrom({ pathname: '/tab', search: '?view=organizer' }, 'content')).toEqual({ page: 'organizer' });
    expect(routeFrom({ pathname: '/tab', search: '?view=feedback&unitId=3' })).toEqual({ page: 'unitFeedback', unitId: '3' });
    expect(routeFrom({ pathname: '/tab', search: '?view=year-wheel&unitId=3' })).toEqual({ page: 'unitYearWheel', unitId: '3' });
  });

  it('reads the organizer\'s section, and drops one it does not know', () => {
    expect(routeFrom({ pathname: '/tab', search: '?view=organizer&section=import' })).toEqual({ page: 'organizer', section: 'import' });
    expect(routeFrom({ pathname: '/tab', search: '?view=organizer&section=units' })).toEqual({ page: 'organizer', section: 'units' });
    expect(routeFrom({ pathname: '/tab', search: '?view=organizer&section=setup' })).toEqual({ page: 'organizer', section: 'setup' });
    expect(routeFrom({ pathname: '/tab', search: '?view=organizer&section=bogus' })).toEqual({ page: 'organizer' });
  });

  it('leaves the channel tab\'s own views to the channel tab', () => {
    expect(routeFrom({ pathname: '/tab', search: '?view=feedback' })).toEqual({ page: 'channel', view: 'overview' });
    expect(routeFrom({ pathname: '/tab', search: '?unitId=3&view=analysis' })).toEqual({ page: 'channel', unitId: '3', view: 'analysis' });
  });
});
