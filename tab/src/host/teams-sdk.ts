import { app, pages } from '@microsoft/teams-js';
import type { TeamsContext } from './host-state';

/** What the tab needs of teams-js, behind one small seam (tests fake it; the build loads it lazily). */
export interface TeamsSdk {
  context: TeamsContext;
  onThemeChange(handler: (theme: string) => void): void;
  /** Saves the configurable tab's settings (config page only). */
  setConfig(config: { entityId: string; contentUrl: string; suggestedDisplayName: string; websiteUrl?: string }): Promise<void>;
  /** Runs `handler` when the user presses Save on the config page. */
  onSave(handler: () => Promise<void>): void;
  setValidityState(valid: boolean): void;
}

function flatten(context: app.Context): TeamsContext {
  return {
    frameContext: context.page.frameContext,
    locale: context.app.locale,
    theme: context.app.theme,
    hostName: context.app.host.name,
    entityId: context.page.id || undefined,
    teamId: context.team?.internalId,
    channelId: context.channel?.id,
    userObjectId: context.user?.id,
    meetingId: context.meeting?.id,
  };
}

/** Initializes teams-js and reads the context. Rejects (or never settles) outside a Teams host. */
export async function initializeTeams(): Promise<TeamsSdk> {
  await app.initialize();
  const context = flatten(await app.getContext());
  void app.notifySuccess();
  return {
    context,
    onThemeChange: (handler) => app.registerOnThemeChangeHandler(handler),
    setConfig: (config) => pages.config.setConfig(config),
    onSave: (handler) =>
      pages.config.registerOnSaveHandler((event) => {
        handler().then(() => event.notifySuccess(), (error: unknown) => event.notifyFailure(String(error)));
      }),
    setValidityState: (valid) => pages.config.setValidityState(valid),
  };
}
