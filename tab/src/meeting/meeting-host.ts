/**
 * What the meeting surfaces need of teams-js beyond the shared host seam: the meeting's and the
 * chat's ids, and sharing to the stage. teams-js is loaded lazily (it is already initialized by
 * the host detection when the tab runs in Teams).
 */

/** The meeting the tab runs in, as Teams tells it. */
export interface MeetingContext {
  /** Teams' meeting id (context `meeting.id`, legacy `meetingId`) */
  teamsMeetingId?: string;
  /** the meeting chat (context `chat.id`, legacy `chatId`) */
  chatId?: string;
}

/** The meeting calls the views make; tests pass a fake. */
export interface MeetingHost {
  context(): Promise<MeetingContext>;
  /** Shares `url` to the meeting stage; rejects when Teams refuses. */
  shareToStage(url: string): Promise<void>;
}

/** The meeting host of teams-js. Call only inside Teams (after the host detection found it). */
export function teamsMeetingHost(): MeetingHost {
  return {
    async context() {
      const { app } = await import('@microsoft/teams-js');
      const context = await app.getContext();
      return {
        ...(context.meeting?.id ? { teamsMeetingId: context.meeting.id } : {}),
        ...(context.chat?.id ? { chatId: context.chat.id } : {}),
      };
    },
    async shareToStage(url) {
      const { meeting } = await import('@microsoft/teams-js');
      await new Promise<void>((resolve, reject) => {
        meeting.shareAppContentToStage((error, result) => {
          if (error || result === false) reject(new Error(error?.message ?? 'not shared'));
          else resolve();
        }, url);
      });
    },
  };
}

/** Outside Teams: no meeting, and nothing to share to. */
export const standaloneMeetingHost: MeetingHost = {
  context: async () => ({}),
  shareToStage: async () => {
    throw new Error('not in a Teams meeting');
  },
};

/** The stage's content URL for a meeting: the stage view of this origin. */
export function stageUrl(origin: string, meetingId: string): string {
  return `${origin}/stage?meetingId=${encodeURIComponent(meetingId)}`;
}
