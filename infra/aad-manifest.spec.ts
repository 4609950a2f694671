import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
type AppRole = { id: string; value: string; description: string; allowedMemberTypes: string[]; isEnabled: boolean };
const manifest = JSON.parse(readFileSync(join(here, 'aad.manifest.json'), 'utf8')) as {
  identifierUris: string[];
  signInAudience: string;
  api: {
    requestedAccessTokenVersion: number;
    oauth2PermissionScopes: { id: string; value: string; type: string; isEnabled: boolean }[];
    preAuthorizedApplications: { appId: string; delegatedPermissionIds: string[] }[];
  };
  appRoles: AppRole[];
  spa: { redirectUris: string[] };
  requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[];
};

// Documented Microsoft 365 client ids to pre-authorize for Teams SSO (tab-sso-register-aad).
const microsoft365Clients = [
  '1fec8e78-bce4-4aaf-ab1b-5451cc387264', // Teams desktop and mobile
  '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', // Teams web
  '4765445b-32c6-49b0-83e6-1d93765276ca', // Microsoft 365 web
  '0ec893e0-5785-4de6-99da-4ed124e5296c', // Microsoft 365 desktop
  'd3590ed6-52b3-4102-aeff-aad2292ab01c', // Microsoft 365 mobile, Outlook desktop
  'bc59ab01-8403-45c6-8796-ac3ef710b3e3', // Outlook web
  '27922004-5251-4030-b22d-91ecd9a37ea4', // Outlook mobile
];

describe('infra/aad.manifest.json', () => {
  it('exposes the API at api://<tab domain>/<client id> with the access_as_user scope and v2 tokens', () => {
    expect(manifest.identifierUris).toEqual(['api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}']);
    expect(manifest.signInAudience).toBe('AzureADMyOrg');
    expect(manifest.api.requestedAccessTokenVersion).toBe(2);
    expect(manifest.api.oauth2PermissionScopes).toEqual([
      expect.objectContaining({ id: '${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}', value: 'access_as_user', type: 'User', isEnabled: true }),
    ]);
  });

  it('pre-authorizes the Teams, Microsoft 365 and Outlook clients for that scope', () => {
    expect(manifest.api.preAuthorizedApplications.map((a) => a.appId).sort()).toEqual([...microsoft365Clients].sort());
    for (const client of manifest.api.preAuthorizedApplications) {
      expect(client.delegatedPermissionIds).toEqual(['${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}']);
    }
  });

  it('defines the Administration and Board app roles with Swedish descriptions and distinct ids', () => {
    expect(manifest.appRoles.map((role) => role.value)).toEqual(['Administration', 'Board']);
    expect(new Set(manifest.appRoles.map((role) => role.id)).size).toBe(2);
    for (const role of manifest.appRoles) {
      expect(role.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(role).toMatchObject({ allowedMemberTypes: ['User'], isEnabled: true });
      expect(role.description).toMatch(/[åäö]|enheter|nämnd/i);
    }
  });

  it('accepts nested app authentication and the browser redirect as SPA redirect URIs', () => {
    expect(manifest.spa.redirectUris).toEqual(['https://${{TAB_DOMAIN}}/', 'brk-multihub://${{TAB_DOMAIN}}']);
  });

  it('asks only for User.Read and the OpenID scopes on Microsoft Graph, all delegated', () => {
    expect(manifest.requiredResourceAccess).toHaveLength(1);
    const graph = manifest.requiredResourceAccess[0];
    expect(graph?.resourceAppId).toBe('00000003-0000-0000-c000-000000000000');
    expect(graph?.resourceAccess.every((access) => access.type === 'Scope')).toBe(true);
    expect(graph?.resourceAccess.map((access) => access.id)).toContain('e1fe6dd8-ba31-4d61-89e7-88639da4683d');
  });
});
