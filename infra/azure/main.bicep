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

@description('SingleTenant for a bot used in your own tenant (new multi-tenant bots are no longer created by Azure).')
@allowed([
  'SingleTenant'
  'MultiTenant'
  'UserAssignedMSI'
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

// Secrets: written to Key Vault when given, left untouched when empty (so a redeploy never blanks them).
@secure()
param microsoftAppPassword string = ''
@secure()
param slackSigningSecret string = ''
@secure()
param slackBotToken string = ''
@secure()
param gatesToken string = ''
@secure()
param reportsSigningKey string = ''
@secure()
param auditKey string = ''
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
    slackSigningSecret: slackSigningSecret
    slackBotToken: slackBotToken
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
    msiResourceId: identity.id
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
