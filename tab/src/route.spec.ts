import { describe, expect, it } from 'vitest';
import { channelViews, routeFrom, searchOutsideUnit, searchWith } from './route';

describe('routeFrom', () => {
  it('chooses the page from the path, the query and the frame context', () => {
    expect(routeFrom({ pathname: '/config', search: '' })).toEqual({ page: 'config' });
    expect(routeFrom({ pathname: '/tab', search: '' }, 'settings')).toEqual({ page: 'config' });
    expect(routeFrom({ pathname: '/', search: '?view=my-actions' })).toEqual({ page: 'myActions' });
    expect(routeFrom({ pathname: '/tab', search: '?unitId=12' }, 'content')).toEqual({ page: 'channel', unitId: '12', view: 'overview' });
    expect(routeFrom({ pathname: '/', search: '' })).toEqual({ page: 'channel', view: 'overview' });
    expect(routeFrom({ pathname: '/tab', search: '?view=units' })).toEqual({ page: 'unitChooser' });
    expect(routeFrom({ pathname: '/tab', search: '?view=other-units&lang=en' })).toEqual({ page: 'otherUnits' });
  });

  it('reads every channel view from ?view=, and answers the overview for a view it does not know', () => {
    for (const view of channelViews) expect(routeFrom({ pathname: '/tab', search: `?unitId=12&view=${view}` })).toEqual({ page: 'channel', unitId: '12', view });
    expect(routeFrom({ pathname: '/tab', search: '?unitId=12&view=bogus' })).toEqual({ page: 'channel', unitId: '12', view: 'overview' });
  });
});

describe('searchWith', () => {
  it('sets the view or section and keeps the rest of the query', () => {
    expect(searchWith('?unitId=12&theme=dark&view=overview', { view: 'results' })).toBe('?unitId=12&theme=dark&view=results');
    expect(searchWith('?view=organizer&lang=en', { section: 'import' })).toBe('?view=organizer&lang=en&section=import');
    expect(searchWith('', { view: 'organizer' })).toBe('?view=organizer');
  });

  it('leaves the unit for a page outside it, keeping theme and language', () => {
    expect(searchOutsideUnit('?unitId=12&theme=dark&view=analysis&lang=en', 'units')).toBe('?theme=dark&view=units&lang=en');
  });
});
