import { describe, expect, it } from 'vitest';
import { routeFrom } from '../route';

describe('routeFrom for the meeting surfaces', () => {
  it('chooses the side panel, the stage and the details tab from the frame context', () => {
    expect(routeFrom({ pathname: '/tab', search: '' }, 'sidePanel', 'MCM')).toEqual({ page: 'meeting', surface: 'sidePanel' });
    expect(routeFrom({ pathname: '/stage', search: '?meetingId=12' }, 'meetingStage', 'MCM')).toEqual({ page: 'meeting', surface: 'stage', meetingId: '12' });
    expect(routeFrom({ pathname: '/tab', search: '?unitId=3' }, 'content', 'MCM')).toEqual({ page: 'meeting', surface: 'details' });
  });

  it('keeps the channel tab and the configuration page where there is no meeting', () => {
    expect(routeFrom({ pathname: '/tab', search: '?unitId=3' }, 'content')).toEqual({ page: 'channel', unitId: '3', view: 'overview' });
    expect(routeFrom({ pathname: '/config', search: '' }, 'settings', 'MCM')).toEqual({ page: 'config' });
  });

  it('opens a surface outside Teams by path', () => {
    expect(routeFrom({ pathname: '/stage', search: '?meetingId=7' })).toEqual({ page: 'meeting', surface: 'stage', meetingId: '7' });
    expect(routeFrom({ pathname: '/meeting', search: '?surface=details&meetingId=7' })).toEqual({ page: 'meeting', surface: 'details', meetingId: '7' });
    // the owner's in-meeting notification: the side panel at one action
    expect(routeFrom({ pathname: '/meeting', search: '?surface=sidePanel&meetingId=7&actionId=42' })).toEqual({ page: 'meeting', surface: 'sidePanel', meetingId: '7', actionId: '42' });
  });
});
