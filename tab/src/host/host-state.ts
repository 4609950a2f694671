/** The part of the Teams context the tab uses, flattened from teams-js' `app.Context`. */
export interface TeamsContext {
  /** 'content', 'settings', 'sidePanel', 'meetingStage', ... */
  frameContext: string;
  locale: string;
  /** 'default' | 'dark' | 'contrast' (and newer names, treated as default). */
  theme: string;
  /** The hosting app: 'Teams', 'Outlook', 'Office', ... */
  hostName: string;
  /** The tab's entityId (the unit id once the channel is configured). */
  entityId?: string;
  teamId?: string;
  channelId?: string;
  userObjectId?: string;
  meetingId?: string;
}

/** Start-up as a union: code cannot read a Teams context before it exists. */
export type HostState =
  | { phase: 'starting' }
  | { phase: 'teams'; context: TeamsContext }
  | { phase: 'standalone' };
