// Production: zone-redundant storage, two instances (the bot keeps no state in memory, see
// docs/ARCHITECTURE.md "Scaling out"), paid bot SKU, two approvers per deployment.
using 'main.bicep'

param environmentName = 'prod'
param microsoftAppId = readEnvironmentVariable('CHATOPS_MICROSOFT_APP_ID', '00000000-0000-0000-0000-000000000000')
param botSku = 'S1'
param planSku = 'P1v3'
param instanceCount = 2
param storageSku = 'Standard_ZRS'
param otlpEndpoint = readEnvironmentVariable('CHATOPS_OTLP_ENDPOINT', '')
param policySettings = {
  RequiredApprovals: '2'
}
