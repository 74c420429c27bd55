// Development: smallest SKUs, one instance. Secrets are passed on the command line (see README.md).
using 'main.bicep'

param environmentName = 'dev'
param microsoftAppId = readEnvironmentVariable('CHATOPS_MICROSOFT_APP_ID', '00000000-0000-0000-0000-000000000000')
param botSku = 'F0'
param planSku = 'B1'
param instanceCount = 1
param storageSku = 'Standard_LRS'
param policySettings = {
  RequiredApprovals: '1'
}
