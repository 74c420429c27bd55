// The Azure Bot resource (Bot Framework registration) and its Microsoft Teams channel.
// The bot's Entra app registration itself is created outside Bicep (see infra/azure/README.md).

param name string
param tags object = {}

@description('Display name users see in Teams.')
param displayName string

@description('Public HTTPS messaging endpoint: https://<host>/api/messages.')
param messagingEndpoint string

param microsoftAppId string
param microsoftAppTenantId string

@allowed([
  'SingleTenant'
  'MultiTenant'
])
param microsoftAppType string

@allowed([
  'F0'
  'S1'
])
param sku string = 'F0'

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  // Azure Bot is a global resource; its data residency is chosen by the channel, not the location.
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: messagingEndpoint
    msaAppId: microsoftAppId
    msaAppType: microsoftAppType
    msaAppTenantId: microsoftAppType == 'MultiTenant' ? null : microsoftAppTenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output endpoint string = bot.properties.endpoint
