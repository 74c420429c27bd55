// Key Vault holding every secret the bot reads. The app reads them through App Service Key Vault
// references with its user-assigned identity, which gets "Key Vault Secrets User" on this vault only.
// Secret names use '-' because Key Vault names allow only letters, digits and dashes.

param name string
param location string
param tags object = {}

@description('Principal id of the bot\'s user-assigned managed identity.')
param appPrincipalId string

@description('Name of the storage account whose connection string becomes the Tables-ConnectionString secret.')
param storageAccountName string

@secure()
@minLength(1)
@description('Client secret of the bot\'s Entra app registration (MicrosoftAppPassword). Required.')
param microsoftAppPassword string

@description('Whether Slack is configured: its two secrets are written (and referenced by the app) only then.')
param slackConfigured bool = false

@secure()
@description('Slack app signing secret (Slack:SigningSecret).')
param slackSigningSecret string = ''

@secure()
@description('Slack bot token xoxb-... (Slack:BotToken).')
param slackBotToken string = ''

@description('Whether Slack receives over Socket Mode: the app-level token is written (and referenced by the app) only then.')
param slackSocketMode bool = false

@secure()
@description('Slack app-level token xapp-... (Slack:AppToken).')
param slackAppToken string = ''

@secure()
@description('Bearer token for the pipeline gate API (Gates:Token). Empty: the generated one below.')
param gatesToken string = ''

@secure()
@description('Key that signs exported incident reports (Reports:SigningKey). Empty: the generated one below.')
param reportsSigningKey string = ''

// Fresh randomness for each deployment (newGuid is allowed only in parameter defaults): two GUIDs, 244 random bits,
// as 64 hex characters. Not derived from anything public (unlike uniqueString of the resource group).
@secure()
@description('Leave the default: a random gate token used when gatesToken is empty.')
param generatedGatesToken string = replace('${newGuid()}${newGuid()}', '-', '')

@secure()
@description('Leave the default: a random report signing key used when reportsSigningKey is empty.')
param generatedReportsSigningKey string = replace('${newGuid()}${newGuid()}', '-', '')

@secure()
@minLength(32)
@description('HMAC key of the decision-log checkpoints (Audit:Key), at least 32 bytes. Required: a key generated anew on each deployment would make every earlier checkpoint fail verify.')
param auditKey string

@secure()
@description('Named gate clients: { <name>: { tokenSha256: \'<hex SHA-256 of the token>\', tenantId: ..., incidents: [...], patches: [...] } }. Only each tokenSha256 is stored here (Gates-Clients-<name>-TokenSha256).')
param gateClients object = {}

// Built-in role "Key Vault Secrets User" (read secret contents).
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource appCanReadSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, appPrincipalId, keyVaultSecretsUserRoleId)
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
  }
}

resource tablesConnectionString 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'Tables-ConnectionString'
  properties: {
    value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
  }
}

resource appPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'MicrosoftAppPassword'
  properties: {
    value: microsoftAppPassword
  }
}

resource slackSigningSecretSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (slackConfigured) {
  parent: vault
  name: 'Slack-SigningSecret'
  properties: {
    value: slackSigningSecret
  }
}

resource slackBotTokenSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (slackConfigured) {
  parent: vault
  name: 'Slack-BotToken'
  properties: {
    value: slackBotToken
  }
}

resource slackAppTokenSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (slackSocketMode) {
  parent: vault
  name: 'Slack-AppToken'
  properties: {
    value: slackAppToken
  }
}

resource gatesTokenSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'Gates-Token'
  properties: {
    value: empty(gatesToken) ? generatedGatesToken : gatesToken
  }
}

resource reportsSigningKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'Reports-SigningKey'
  properties: {
    value: empty(reportsSigningKey) ? generatedReportsSigningKey : reportsSigningKey
  }
}

resource auditKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'Audit-Key'
  properties: {
    value: auditKey
  }
}

// The gate API stores client tokens only as hashes; the hash still lives in Key Vault so the site's
// configuration (and its deployment history) never holds something a pipeline can be matched with.
resource gateClientHashSecrets 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [for client in items(gateClients): {
  parent: vault
  name: 'Gates-Clients-${client.key}-TokenSha256'
  properties: {
    value: client.value.tokenSha256
  }
}]

output name string = vault.name
output uri string = vault.properties.vaultUri
