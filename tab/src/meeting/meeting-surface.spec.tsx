import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { reply } from '../testing/fetch-stub';
import { renderWithSession } from '../testing/render';
import MeetingSurface from './meeting-surface';
import type { MeetingHost } from './meeting-host';

const inMeeting: MeetingHost = {
  context: async () => ({ teamsMeetingId: 'teams-meeting-1' }),
  shareToStage: async () => undefined,
};

describe('MeetingSurface', () => {
  afterEach(cleanup);

  it('tells a person of another unit in a linked meeting that they have no access to its unit, and offers no linking', async () => {
    renderWithSession(<MeetingSurface surface="sidePanel" host={inMeeting} />, {
      'GET /api/meetings/by-teams-id/teams-meeting-1': () => reply(403, { title: 'Ingen behörighet', status: 403, code: 'noAccessToUnit', detail: 'Linked elsewhere.' }),
    });
    expect(await screen.findByText('Mötet är kopplat till en enhet som du inte har behörighet till. Fråga enhetens rektor om du behöver den.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Koppla/ })).toBeNull();
  });
});
