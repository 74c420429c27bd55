// The bot host: App Service for Linux running .NET 10 (code deployment) or the repo's container image.
// Every secret is an App Service Key Vault reference resolved with the user-assigned identity, so no
// secret value ever appears in the site's configuration. Setting names are the bot's configuration
// keys with '__' for ':' (see docs/ARCHITECTURE.md, "Configuration").

param name string
param location string
param tags object = {}

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

@description('Resource id of the user-assigned managed identity the app runs as.')
param identityId string

@description('Client id of that identity (used to pull a container image from ACR, if any).')
param identityClientId string

param keyVaultName string

@description('Entra app (client) id of the bot: MicrosoftAppId.')
param microsoftAppId string

@description('Tenant of the bot\'s Entra app: MicrosoftAppTenantId.')
param microsoftAppTenantId string

@allowed([
  'SingleTenant'
  'MultiTenant'
])
param microsoftAppType string

@description('Whether Slack is configured: its two settings (Key Vault references) exist only then, like their secrets.')
param slackConfigured bool = false

@description('Whether Slack receives over Socket Mode: Slack__AppToken (a Key Vault reference) exists only then, like its secret.')
param slackSocketMode bool = false

@description('Empty: run the published .NET 10 app (az webapp deploy). Otherwise a container image, e.g. myacr.azurecr.io/chatops-bot:1.0.0.')
param containerImage string = ''

@description('Extra Policy:* settings, e.g. { RequiredApprovals: \'2\' } becomes Policy__RequiredApprovals=2.')
param policySettings object = {}

@description('Gates:TenantId: the one tenant Gates:Token acts for (required with it; the bot refuses to start with a token but no tenant).')
param gatesTenantId string = ''

@secure()
@description('Named gate clients, as for the Key Vault module: each becomes Gates__Clients__<name>__TokenSha256 (a Key Vault reference), __TenantId, __Incidents__<i> and __Patches__<i>.')
param gateClients object = {}

@description('OTLP collector endpoint (OTEL_EXPORTER_OTLP_ENDPOINT). Empty: no exporter.')
param otlpEndpoint string = ''

@description('Public host name in front of the app (custom domain). Empty: the app\'s <name>.azurewebsites.net name.')
param publicHostName string = ''

var runsContainer = !empty(containerImage)

// The address signed report links point at (Reports:PublicBaseUrl). The site's own default host name
// cannot be read here without a cycle (it is an output of the site these settings belong to); sites
// created without a unique default host name label get <name>.azurewebsites.net.
var publicBaseUrl = 'https://${empty(publicHostName) ? '${name}.azurewebsites.net' : publicHostName}'

// Key Vault reference syntax: https://learn.microsoft.com/azure/app-service/app-service-key-vault-references
var kvRef = '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName='

var botSettings = [
  { name: 'MicrosoftAppId', value: microsoftAppId }
  { name: 'MicrosoftAppTenantId', value: microsoftAppTenantId }
  { name: 'MicrosoftAppType', value: microsoftAppType }
  { name: 'MicrosoftAppPassword', value: '${kvRef}MicrosoftAppPassword)' }
  { name: 'Reports__SigningKey', value: '${kvRef}Reports-SigningKey)' }
  { name: 'Audit__Key', value: '${kvRef}Audit-Key)' }
  { name: 'ConnectionStrings__Tables', value: '${kvRef}Tables-ConnectionString)' }
  { name: 'Reports__PublicBaseUrl', value: publicBaseUrl }
  { name: 'OTEL_SERVICE_NAME', value: 'chatops-bot' }
]

var slackSettings = slackConfigured ? [
  { name: 'Slack__SigningSecret', value: '${kvRef}Slack-SigningSecret)' }
  { name: 'Slack__BotToken', value: '${kvRef}Slack-BotToken)' }
] : []

var slackSocketModeSettings = slackSocketMode ? [
  { name: 'Slack__AppToken', value: '${kvRef}Slack-AppToken)' }
] : []

var policyAppSettings = [for item in items(policySettings): {
  name: 'Policy__${item.key}'
  value: string(item.value)
}]

// The gate token acts for one tenant only, and the bot refuses a token without Gates:TenantId: without a tenant there is
// no token setting (use named clients or OIDC).
var gatesSettings = empty(gatesTenantId) ? [] : [
  { name: 'Gates__Token', value: '${kvRef}Gates-Token)' }
  { name: 'Gates__TenantId', value: gatesTenantId }
]

// Each client's token hash comes from Key Vault; its binding (tenant, incident and patch patterns) is plain configuration.
var gateClientSettings = flatten(map(items(gateClients), client => concat(
  [
    { name: 'Gates__Clients__${client.key}__TokenSha256', value: '${kvRef}Gates-Clients-${client.key}-TokenSha256)' }
    { name: 'Gates__Clients__${client.key}__TenantId', value: client.value.tenantId }
  ],
  map(range(0, length(client.value.?incidents ?? [])), i => { name: 'Gates__Clients__${client.key}__Incidents__${i}', value: client.value.incidents[i] }),
  map(range(0, length(client.value.?patches ?? [])), i => { name: 'Gates__Clients__${client.key}__Patches__${i}', value: client.value.patches[i] })
)))

var otlpSettings = empty(otlpEndpoint) ? [] : [
  { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: otlpEndpoint }
]

// The container listens on 8080 (see Dockerfile); code deployments get their port from App Service.
var containerSettings = runsContainer ? [
  { name: 'WEBSITES_PORT', value: '8080' }
] : []

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${name}-plan'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: planSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: runsContainer ? 'app,linux,container' : 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: runsContainer ? 'DOCKER|${containerImage}' : 'DOTNETCORE|10.0'
      acrUseManagedIdentityCreds: runsContainer
      acrUserManagedIdentityID: runsContainer ? identityClientId : null
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: concat(botSettings, slackSettings, slackSocketModeSettings, gatesSettings, gateClientSettings, policyAppSettings, otlpSettings, containerSettings)
    }
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
