// Kvalitetshjulet in Azure: one Linux App Service (Node 22 LTS) serving the tab, its API and the bot
// endpoint; an Azure Bot (single tenant) for Teams; one user-assigned managed identity that is both
// the bot's identity and the server's identity towards Microsoft Graph (Sites.Selected on one
// site, granted afterwards by infra/grant-site-access.sh). No secrets: nothing here has a password.

@minLength(4)
@maxLength(40)
@description('Base of every resource name; lower case, since it becomes part of the host name.')
param resourceBaseName string

@description('Client id of the Entra app registration that signs users in (audience of the API tokens).')
param aadAppClientId string

@description('Graph id of the SharePoint site that holds the lists: "<host>,<site-guid>,<web-guid>".')
param graphSiteId string

@description('Tenants whose users may call the API, comma-separated; "home" is the tenant the app is registered in.')
param allowedTenantIds string = 'home'

@description('The data controller the privacy statement and terms of use name, e.g. the municipality\'s board for education.')
param controllerName string

@description('The controller\'s e-mail address for questions about the data.')
param controllerEmail string

@description('The controller\'s data protection officer\'s e-mail address.')
param dpoEmail string

@description('Where the accessibility statement asks people to report accessibility problems.')
param accessibilityEmail string

@description('App Service plan SKU; B1 is the smallest with Always On.')
param webAppSku string = 'B1'

@maxLength(42)
param botDisplayName string = 'Kvalitetshjulet'

@allowed([
  'F0'
  'S1'
])
@description('Azure Bot SKU; Teams is a standard channel, so F0 carries it at no cost.')
param botSku string = 'F0'

param location string = resourceGroup().location

var tenantId = tenant().tenantId
var webAppName = toLower(resourceBaseName)

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-identity'
  location: location
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      alwaysOn: true
      healthCheckPath: '/healthz'
      // The tab is built at deployment; start the server directly instead of `npm start`, which would rebuild it.
      appCommandLine: 'node --import tsx src/main.ts'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
    }
  }
}

// Separate from the site so the settings can use the host name App Service assigned.
resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    MODE: 'm365'
    TENANT_ID: tenantId
    ALLOWED_TENANT_IDS: allowedTenantIds
    CONTROLLER_NAME: controllerName
    CONTROLLER_EMAIL: controllerEmail
    DPO_EMAIL: dpoEmail
    ACCESSIBILITY_EMAIL: accessibilityEmail
    AAD_APP_CLIENT_ID: aadAppClientId
    TAB_DOMAIN: webApp.properties.defaultHostName
    GRAPH_SITE_ID: graphSiteId
    GRAPH_TENANT_ID: tenantId
    GRAPH_CLIENT_ID: identity.properties.clientId
    BOT_ID: identity.properties.clientId
    BOT_TENANT_ID: tenantId
    BOT_TYPE: 'UserAssignedMSI'
    // Install and build on the (Linux) server: `npm install`, then `npm run build` (the tab, and a
    // typecheck). node_modules from a Windows or macOS machine would carry the wrong native
    // binaries (esbuild, under tsx).
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'true'
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppTenantId: tenantId
    msaAppType: 'UserAssignedMSI'
    msaAppMSIResourceId: identity.id
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

// The Agents Toolkit writes these outputs into env/.env.<environment> under the same names.
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output TAB_DOMAIN string = webApp.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = tenantId
output GRAPH_CLIENT_ID string = identity.properties.clientId
output MANAGED_IDENTITY_PRINCIPAL_ID string = identity.properties.principalId
