using System.Text.Json;
using ChatOps.Core.Decisions;
using ChatOps.Storage;
using Microsoft.Extensions.Options;

// usage: ChatOps.Storage.Probe <tablePrefix> <tenantId> <incidentId>   (connection string in ConnectionStrings__Tables)
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: ChatOps.Storage.Probe <tablePrefix> <tenantId> <incidentId>");
    return 2;
}

var options = Options.Create(new TableStorageOptions
{
    ConnectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Tables") ?? "UseDevelopmentStorage=true",
    TablePrefix = args[0],
});
var store = new IncidentTableStore(new ChatOpsTables(options), TimeProvider.System);
var snapshot = await store.GetAsync(args[1], args[2]);
if (snapshot is null)
{
    Console.Error.WriteLine("not found");
    return 1;
}

var records = await store.GetDecisionsAsync(args[1], args[2]);
Console.WriteLine(JsonSerializer.Serialize(new { incident = snapshot.Incident, records }, EventSerializer.Options));
return 0;
