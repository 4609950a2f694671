/**
 * The part of the Microsoft 365 Agents Toolkit's YAML schema (version v1.11) that our lifecycle
 * files (teamsapp.yml, teamsapp.local.yml, m365agents.playground.yml) use: the top-level shape and
 * each action we call, with the required inputs and outputs the toolkit's own schema declares.
 * The toolkit does not ship its schema in a package we install, so the specs validate against this
 * subset; the editor still resolves the full schema through the `yaml-language-server` comment
 * at the top of each file.
 */

/** The schema version our files declare. */
export const agentsYamlVersion = 'v1.11';

const envVarName = { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' } as const;
const secretEnvVarName = { type: 'string', pattern: '^SECRET_[A-Z0-9_]+$' } as const;
const text = { type: 'string' } as const;

function action(uses: string, withSchema: object, more: { writeToEnvironmentFile?: object; requireOutputs?: boolean } = {}): object {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['uses', 'with', ...(more.requireOutputs ? ['writeToEnvironmentFile'] : [])],
    properties: {
      name: text,
      env: { type: 'object', additionalProperties: text },
      uses: { const: uses },
      with: withSchema,
      ...(more.writeToEnvironmentFile ? { writeToEnvironmentFile: more.writeToEnvironmentFile } : {}),
    },
  };
}

function inputs(required: string[], properties: Record<string, object>): object {
  return { type: 'object', additionalProperties: false, required, properties };
}

function outputs(required: string[], properties: Record<string, object>): object {
  return { type: 'object', additionalProperties: false, required, properties };
}

const aadAppCreateInputs = {
  name: text,
  generateClientSecret: { type: 'boolean' },
  generateServicePrincipal: { type: 'boolean' },
  signInAudience: { enum: ['AzureADMyOrg', 'AzureADMultipleOrgs', 'AzureADandPersonalMicrosoftAccount', 'PersonalMicrosoftAccount'] },
  serviceManagementReference: text,
  clientSecretExpireDays: { type: 'integer', minimum: 1 },
  clientSecretDescription: text,
};
const aadAppCreateOutputs = {
  clientId: envVarName, objectId: envVarName, clientSecret: secretEnvVarName,
  tenantId: envVarName, authority: envVarName, authorityHost: envVarName,
};

const actions = [
  {
    // with a secret, the secret's variable is required; without one, it is not allowed
    oneOf: [
      action('aadApp/create', inputs(['name', 'generateClientSecret', 'signInAudience'], { ...aadAppCreateInputs, generateClientSecret: { const: true } }),
        { requireOutputs: true, writeToEnvironmentFile: outputs(['clientId', 'objectId', 'clientSecret'], aadAppCreateOutputs) }),
      action('aadApp/create', inputs(['name', 'generateClientSecret', 'signInAudience'], { ...aadAppCreateInputs, generateClientSecret: { const: false } }),
        { requireOutputs: true, writeToEnvironmentFile: outputs(['clientId', 'objectId'], { ...aadAppCreateOutputs, clientSecret: { not: {} } }) }),
    ],
  },
  action('aadApp/update', inputs(['manifestPath', 'outputFilePath'], { manifestPath: text, outputFilePath: text })),
  action('arm/deploy', inputs(['subscriptionId', 'resourceGroupName', 'templates'], {
    subscriptionId: text,
    resourceGroupName: text,
    bicepCliVersion: text,
    templates: {
      type: 'array',
      minItems: 1,
      items: inputs(['deploymentName', 'path'], { deploymentName: text, path: text, parameters: text }),
    },
  })),
  action('cli/runNpmCommand', inputs(['args'], { args: text, workingDirectory: text })),
  action('azureAppService/zipDeploy', inputs(['artifactFolder', 'resourceId'], {
    artifactFolder: text, resourceId: text, workingDirectory: text, ignoreFile: text, dryRun: { type: 'boolean' }, outputZipFile: text,
  })),
  action('teamsApp/create', inputs(['name'], { name: text }),
    { requireOutputs: true, writeToEnvironmentFile: outputs(['teamsAppId'], { teamsAppId: envVarName, teamsAppTenantId: envVarName }) }),
  action('teamsApp/validateManifest', inputs(['manifestPath'], { manifestPath: text })),
  action('teamsApp/validateAppPackage', inputs(['appPackagePath'], { appPackagePath: text })),
  action('teamsApp/zipAppPackage', inputs(['manifestPath', 'outputZipPath', 'outputFolder'], { manifestPath: text, outputZipPath: text, outputFolder: text })),
  action('teamsApp/update', inputs(['appPackagePath'], { appPackagePath: text })),
  action('teamsApp/publishAppPackage', inputs(['appPackagePath'], { appPackagePath: text }),
    { requireOutputs: true, writeToEnvironmentFile: outputs(['publishedAppId'], { publishedAppId: envVarName }) }),
  action('botAadApp/create', inputs(['name'], { name: text }),
    { requireOutputs: true, writeToEnvironmentFile: outputs(['botId', 'botPassword'], { botId: envVarName, botPassword: secretEnvVarName }) }),
  action('botFramework/create', inputs(['botId', 'name', 'messagingEndpoint'], {
    botId: text, name: text, messagingEndpoint: text, description: text, iconUrl: text,
    channels: { type: 'array', items: inputs(['name'], { name: { enum: ['msteams', 'm365extensions'] }, callingWebhook: text }) },
  })),
  action('file/createOrUpdateEnvironmentFile', inputs(['envs', 'target'], {
    target: text,
    envs: { type: 'object', additionalProperties: { type: ['string', 'boolean', 'number'] } },
  })),
  action('script', inputs(['run'], { run: text, workingDirectory: text, shell: text, timeout: { type: 'number' }, redirectTo: text })),
];

const lifecycle = { type: 'array', items: { anyOf: actions } };

/** JSON schema (draft-07) for one of our lifecycle files. */
export const agentsYamlSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['version'],
  properties: {
    projectId: text,
    environmentFolderPath: text,
    version: { const: agentsYamlVersion },
    additionalMetadata: { type: 'object' },
    provision: lifecycle,
    deploy: lifecycle,
    publish: lifecycle,
    share: lifecycle,
  },
} as const;
