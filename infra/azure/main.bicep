// ChatOps on Azure: storage (tables, queues), Key Vault, the bot host (App Service for Linux, .NET 10 or
// container) running as a user-assigned managed identity, and the Azure Bot with its Teams channel.
// Deploy: see README.md beside this file. Only built-in resource types and local modules are used, so
// `bicep build` works offline.

targetScope = 'resourceGroup'

@allowed([
  'dev'
  'prod'
])
param environmentName string

@description('Short prefix for every resource name (lowercase letters and digits).')
@minLength(3)
@maxLength(10)
param baseName string = 'chatops'

param location string = resourceGroup().location

@description('Entra app (client) id of the bot registration: MicrosoftAppId.')
@minLength(36)
@maxLength(36)
param microsoftAppId string

@description('Tenant of the bot registration: MicrosoftAppTenantId.')
param microsoftAppTenantId string = tenant().tenantId

@description('SingleTenant for a bot used in your own tenant (new multi-tenant bots are no longer created by Azure). UserAssignedMSI is not offered: the bot signs in to the Bot Connector with MicrosoftAppPassword.')
@allowed([
  'SingleTenant'
  'MultiTenant'
])
param microsoftAppType string = 'SingleTenant'

@description('Name shown in Teams for the bot.')
param botDisplayName string = 'PatchBot'

@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@allowed([
  'B1'
  'B2'
  'P0v3'
  'P1v3'
  'P2v3'
])
param planSku string = 'B1'

@minValue(1)
param instanceCount int = 1

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_LRS'

@description('Empty: deploy the published app with az webapp deploy. Otherwise the container image to run.')
param containerImage string = ''

@description('Public host name in front of the app (custom domain). Empty: the app\'s *.azurewebsites.net name.')
param publicHostName string = ''

@description('Policy:* settings for the bot, e.g. { RequiredApprovals: \'2\' }.')
param policySettings object = {}

@description('Gates:TenantId: the Teams tenant id or Slack team id Gates:Token acts for (a token acts for one tenant only).')
param gatesTenantId string = ''

@description('OTLP endpoint for traces, metrics and logs. Empty: telemetry is not exported.')
param otlpEndpoint string = ''

// Secrets (issue 19): no app setting may be a Key Vault reference to a secret that does not exist, because App
// Service then hands the app the reference text itself. So every deployment writes every referenced secret:
// - MicrosoftAppPassword is required (the deployment fails without it);
// - the Slack secrets come from Slack and cannot be made up: without them Slack is not configured at all
//   (neither the secrets nor their app settings exist, and the bot refuses every Slack request);
// - the gate token and the report signing key are generated at random when not given (a new one each deployment).
@secure()
@minLength(1)
@description('Client secret of the bot\'s Entra app (MicrosoftAppPassword). Required.')
param microsoftAppPassword string
@secure()
@description('Slack signing secret (32 hex characters). Empty: Slack is not configured.')
param slackSigningSecret string = ''
@secure()
@description('Slack bot token xoxb-... Empty: Slack is not configured.')
param slackBotToken string = ''
@secure()
@description('Slack app-level token xapp-... with connections:write: the bot then receives Slack over Socket Mode (no public request URL). Empty: request URLs. Used only when Slack is configured.')
param slackAppToken string = ''
@secure()
@description('Gate API bearer token, at least 32 characters. Empty: a random one is generated (read it from Key Vault).')
param gatesToken string = ''
@secure()
@description('Report link signing key, at least 32 bytes. Empty: a random one is generated.')
param reportsSigningKey string = ''
@secure()
@minLength(32)
@description('HMAC key of the decision-log checkpoints (Audit:Key), at least 32 bytes. Required: never generated, since a new key would fail every earlier checkpoint.')
param auditKey string
@secure()
@description('Named gate clients: { <name>: { tokenSha256: \'<hex SHA-256 of its token>\', tenantId: \'...\', incidents: [ \'INC-2026-*\' ], patches: [] } }.')
param gateClients object = {}

var suffix = uniqueString(resourceGroup().id, environmentName)
var tags = {
  application: 'chatops'
  environment: environmentName
}
var appName = '${baseName}-${environmentName}-${suffix}'
var hostName = empty(publicHostName) ? app.outputs.defaultHostName : publicHostName
// Slack needs both of its secrets; with one missing it is left out rather than half configured.
var slackConfigured = !empty(slackSigningSecret) && !empty(slackBotToken)
// Socket Mode is an addition to a configured Slack app, never Slack on its own.
var slackSocketMode = slackConfigured && !empty(slackAppToken)

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${baseName}-${environmentName}-id'
  location: location
  tags: tags
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: take(toLower('${baseName}${environmentName}${suffix}'), 24)
    location: location
    skuName: storageSku
    tags: tags
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: take('kv-${baseName}-${environmentName}-${suffix}', 24)
    location: location
    tags: tags
    appPrincipalId: identity.properties.principalId
    storageAccountName: storage.outputs.name
    microsoftAppPassword: microsoftAppPassword
    slackConfigured: slackConfigured
    slackSigningSecret: slackSigningSecret
    slackBotToken: slackBotToken
    slackSocketMode: slackSocketMode
    slackAppToken: slackAppToken
    gatesToken: gatesToken
    reportsSigningKey: reportsSigningKey
    auditKey: auditKey
    gateClients: gateClients
  }
}

module app 'modules/app.bicep' = {
  name: 'app'
  params: {
    name: appName
    location: location
    tags: tags
    planSku: planSku
    instanceCount: instanceCount
    identityId: identity.id
    identityClientId: identity.properties.clientId
    keyVaultName: vault.outputs.name
    microsoftAppId: microsoftAppId
    microsoftAppTenantId: microsoftAppTenantId
    microsoftAppType: microsoftAppType
    slackConfigured: slackConfigured
    slackSocketMode: slackSocketMode
    containerImage: containerImage
    policySettings: policySettings
    gatesTenantId: gatesTenantId
    gateClients: gateClients
    otlpEndpoint: otlpEndpoint
    publicHostName: publicHostName
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: '${baseName}-${environmentName}-bot-${suffix}'
    tags: tags
    displayName: botDisplayName
    messagingEndpoint: 'https://${hostName}/api/messages'
    microsoftAppId: microsoftAppId
    microsoftAppTenantId: microsoftAppTenantId
    microsoftAppType: microsoftAppType
    sku: botSku
  }
}

output appName string = app.outputs.name
output hostName string = hostName
output messagingEndpoint string = bot.outputs.endpoint
output slackRequestBaseUrl string = 'https://${hostName}/api/slack'
output gateApiBaseUrl string = 'https://${hostName}/api/gates'
output keyVaultName string = vault.outputs.name
output storageAccountName string = storage.outputs.name
