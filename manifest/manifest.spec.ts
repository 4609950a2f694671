import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadEnvironment } from '../scripts/package-env';
import { findPlaceholders, renderPlaceholders } from '../scripts/package-render';
import { validateLocalization, validateManifest } from '../scripts/package-validate';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const template = readFileSync(join(root, 'manifest', 'manifest.json'), 'utf8');
const english = readFileSync(join(root, 'manifest', 'en.json'), 'utf8');

/** What provisioning writes into an environment, so a fresh checkout's manifest can be rendered. */
const provisioned: Record<string, string> = {
  TEAMS_APP_ID: '6f1c2b0e-8d4a-4a51-9e6b-2c7d8e9f0a1b',
  AAD_APP_CLIENT_ID: '0b6e3f7a-2c1d-4e5f-8a9b-1c2d3e4f5a6b',
  BOT_ID: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  TAB_DOMAIN: 'kvalitetshjulet-test.azurewebsites.net',
};

function renderFor(env: string): Record<string, unknown> {
  const values = { ...provisioned };
  for (const [key, value] of Object.entries(loadEnvironment({ root, env }))) if (value !== '') values[key] = value;
  return JSON.parse(renderPlaceholders(template, values, { escape: 'json' })) as Record<string, unknown>;
}

type Manifest = {
  manifestVersion: string;
  configurableTabs: { configurationUrl: string; canUpdateConfiguration: boolean; scopes: string[]; context: string[]; meetingSurfaces: string[] }[];
  staticTabs: { name: string; contentUrl: string; scopes: string[] }[];
  bots: { botId: string; scopes: string[]; commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
  webApplicationInfo: { id: string; resource: string; nestedAppAuthInfo: { redirectUri: string; scopes: string[] }[] };
  authorization: { permissions: { resourceSpecific: { name: string; type: string }[] } };
  validDomains: string[];
  localizationInfo: { defaultLanguageTag: string; additionalLanguages: { languageTag: string; file: string }[] };
};

describe('manifest/manifest.json', () => {
  it.each(['local', 'dev', 'playground'])('renders for %s into a manifest the official schema accepts', async (env) => {
    expect(await validateManifest(renderFor(env))).toEqual([]);
  });

  it('fails validation when a required field is removed or a value breaks its pattern', async () => {
    const { developer: _developer, ...withoutDeveloper } = renderFor('dev');
    const missing = await validateManifest(withoutDeveloper);
    expect(missing.join('\n')).toMatch(/developer/);
    expect(await validateManifest({ ...renderFor('dev'), id: 'not-a-guid' })).not.toEqual([]);
    expect(await validateManifest({ ...renderFor('dev'), unknownProperty: true })).not.toEqual([]);
  });

  it('uses the newest manifest schema that @microsoft/app-manifest ships', () => {
    const schemas = join(dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest')), 'json-schemas', 'teams');
    const versions = readdirSync(schemas).filter((name) => /^v\d+\.\d+$/.test(name)).map((name) => name.slice(1));
    const newest = versions.sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1])).at(-1);
    expect(JSON.parse(template).manifestVersion).toBe(newest);
  });

  it('declares the configurable tab, the personal tab, the bot, SSO/NAA and the meeting RSC permissions', () => {
    const manifest = renderFor('dev') as unknown as Manifest;
    const domain = provisioned['TAB_DOMAIN'] ?? '';
    const clientId = provisioned['AAD_APP_CLIENT_ID'] ?? '';
    expect(manifest.configurableTabs).toEqual([expect.objectContaining({
      configurationUrl: `https://${domain}/config`, canUpdateConfiguration: true, scopes: ['team', 'groupChat'],
      context: ['channelTab', 'privateChatTab', 'meetingChatTab', 'meetingDetailsTab', 'meetingSidePanel', 'meetingStage'],
      meetingSurfaces: ['sidePanel', 'stage'],
    })]);
    expect(manifest.staticTabs).toEqual([
      expect.objectContaining({ name: 'Mina åtgärder', contentUrl: `https://${domain}/?view=my-actions`, scopes: ['personal'] }),
      { entityId: 'conversations', scopes: ['personal'] }, // the bot's chat beside it in the personal app
    ]);
    expect(manifest.bots[0]?.scopes).toEqual(['personal', 'team', 'groupChat']);
    for (const list of manifest.bots[0]?.commandLists ?? []) expect(list.commands.map((c) => c.title)).toEqual(['mina åtgärder', 'hjälp']);
    expect(manifest.webApplicationInfo).toEqual({
      id: clientId,
      resource: `api://${domain}/${clientId}`,
      nestedAppAuthInfo: [{ redirectUri: `brk-multihub://${domain}`, scopes: [`api://${domain}/${clientId}/access_as_user`] }],
    });
    expect(manifest.authorization.permissions.resourceSpecific).toEqual(expect.arrayContaining([
      { name: 'OnlineMeeting.ReadBasic.Chat', type: 'Application' },
      { name: 'ChannelMeeting.ReadBasic.Group', type: 'Application' },
      { name: 'OnlineMeetingParticipant.Read.Chat', type: 'Application' },
      { name: 'ChannelMeetingParticipant.Read.Group', type: 'Application' },
      { name: 'OnlineMeetingNotification.Send.Chat', type: 'Application' },
      { name: 'MeetingStage.Write.Chat', type: 'Delegated' },
      { name: 'ChannelMeetingStage.Write.Group', type: 'Delegated' },
    ]));
    expect(manifest.validDomains).toEqual([domain]);
  });

  it('takes its hosts and ids only from the environment', () => {
    expect(findPlaceholders(template)).toEqual(['AAD_APP_CLIENT_ID', 'BOT_ID', 'TAB_DOMAIN', 'TEAMS_APP_ID']);
  });
});

describe('manifest/en.json', () => {
  const manifest = renderFor('dev') as unknown as Manifest;
  const strings = JSON.parse(english) as Record<string, string>;

  it('is the English localization of a Swedish default', async () => {
    expect(manifest.localizationInfo.defaultLanguageTag).toBe('sv-SE');
    expect(manifest.localizationInfo.additionalLanguages).toEqual([{ languageTag: 'en', file: 'en.json' }]);
    expect(await validateLocalization(strings, manifest.manifestVersion)).toEqual([]);
  });

  it('translates every localizable string the manifest has', () => {
    const expected = ['name.short', 'name.full', 'description.short', 'description.full', 'staticTabs[0].name'];
    manifest.bots[0]?.commandLists.forEach((list, l) => list.commands.forEach((_command, c) => {
      expected.push(`bots[0].commandLists[${l}].commands[${c}].title`, `bots[0].commandLists[${l}].commands[${c}].description`);
    }));
    expect(Object.keys(strings).filter((key) => key !== '$schema').sort()).toEqual(expected.sort());
    expect(strings['staticTabs[0].name']).toBe('My actions');
  });

  it('fails validation for a key the localization schema does not know', async () => {
    expect(await validateLocalization({ ...strings, 'configurableTabs[0].name': 'x' }, manifest.manifestVersion)).not.toEqual([]);
  });
});
