import { describe, expect, it } from 'vitest';
import { routeFrom } from './route';

describe('routeFrom', () => {
  it('chooses the page from the path, the query and the frame context', () => {
    expect(routeFrom({ pathname: '/config', search: '' })).toEqual({ page: 'config' });
    expect(routeFrom({ pathname: '/tab', search: '' }, 'settings')).toEqual({ page: 'config' });
    expect(routeFrom({ pathname: '/', search: '?view=my-actions' })).toEqual({ page: 'myActions' });
    expect(routeFrom({ pathname: '/tab', search: '?unitId=12' }, 'content')).toEqual({ page: 'channel', unitId: '12' });
    expect(routeFrom({ pathname: '/', search: '' })).toEqual({ page: 'channel' });
  });
});
