// Production: zone-redundant storage, two instances (the bot keeps no state in memory, see
// docs/ARCHITECTURE.md "Scaling out"), paid bot SKU, two approvers per deployment.
using 'main.bicep'

param environmentName = 'prod'
// Required: the bot's Entra app (client) id. build-params fails when it is not exported.
param microsoftAppId = readEnvironmentVariable('CHATOPS_MICROSOFT_APP_ID')
param botSku = 'S1'
param planSku = 'P1v3'
param instanceCount = 2
param storageSku = 'Standard_ZRS'
param otlpEndpoint = readEnvironmentVariable('CHATOPS_OTLP_ENDPOINT', '')
param gatesTenantId = readEnvironmentVariable('CHATOPS_GATES_TENANT_ID', '')
param policySettings = {
  RequiredApprovals: '2'
  // An example maintenance window (Saturday 22:00 Berlin, four hours): a request inside it is a maintenance deployment;
  // any other window is a requested window that needs --emergency and one more approval.
  MaintenanceWindows__0__Name: 'weekend'
  MaintenanceWindows__0__Cron: '0 22 * * SAT'
  MaintenanceWindows__0__Duration: '04:00:00'
  MaintenanceWindows__0__TimeZone: 'Europe/Berlin'
}

// Secrets come from the deploying shell's environment and go to Key Vault, all of them at every deployment (see
// main.bicep): the app password is required; unset Slack variables leave Slack unconfigured; an unset gate token or
// report key is generated. Never write a secret value into this file.
param microsoftAppPassword = readEnvironmentVariable('CHATOPS_MICROSOFT_APP_PASSWORD')
param slackSigningSecret = readEnvironmentVariable('CHATOPS_SLACK_SIGNING_SECRET', '')
param slackBotToken = readEnvironmentVariable('CHATOPS_SLACK_BOT_TOKEN', '')
param slackAppToken = readEnvironmentVariable('CHATOPS_SLACK_APP_TOKEN', '')
param gatesToken = readEnvironmentVariable('CHATOPS_GATES_TOKEN', '')
param reportsSigningKey = readEnvironmentVariable('CHATOPS_REPORTS_SIGNING_KEY', '')
param auditKey = readEnvironmentVariable('CHATOPS_AUDIT_KEY')
// Named gate clients as JSON: {"ci":{"tokenSha256":"<sha256 hex>","tenantId":"...","incidents":["INC-*"]}}.
param gateClients = json(readEnvironmentVariable('CHATOPS_GATE_CLIENTS', '{}'))
