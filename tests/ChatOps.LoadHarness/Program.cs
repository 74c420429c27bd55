using ChatOps.LoadHarness;

// scripts/load.sh builds the bot, starts Azurite and runs this; see docs/PERFORMANCE.md.
if (args is [ReferenceBot.Flag])
    return await ReferenceBot.RunAsync();

HarnessOptions options;
try
{
    options = HarnessOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine("error: " + ex.Message);
    Console.Error.WriteLine(HarnessOptions.Usage);
    return 2;
}

await using var env = await HarnessEnvironment.StartAsync(options);
using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 4096, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
{
    BaseAddress = env.Bot.BaseAddress,
    Timeout = TimeSpan.FromSeconds(30),
};
var requests = new Requests(env.Key, env.Peers);
var scenarios = new Scenarios(options, env, requests, client);
var report = new Report(options, env.Bot.Memory());

Console.WriteLine($"bot pid {env.Bot.ProcessId} at {env.Bot.BaseAddress}; declaring {options.Incidents} incidents on Teams and Slack…");
await scenarios.DeclareIncidentsAsync();
foreach (var id in options.Scenarios.Order())
{
    Console.WriteLine($"scenario {id}…");
    switch (id)
    {
        case 'a': report.Add(await scenarios.HelpThroughputAsync()); break;
        case 'b': report.Add(await scenarios.StateChangingAsync()); break;
        case 'c': report.Add(await scenarios.SlackAcksAsync()); break;
        case 'd': report.Add(await scenarios.MemoryAsync()); break;
        case 'e': report.Storage = await scenarios.StorageRoundTripsAsync(); break;
        case 'f': report.Add(await scenarios.TwoInstancesAsync()); break;
        case 'g': foreach (var row in await scenarios.ReferenceComparisonAsync()) report.Add(row); break;
    }
}

report.PeakMib = Math.Round(env.Bot.Memory().Peak / (1024.0 * 1024), 1);
Console.WriteLine();
Console.WriteLine(report.Markdown());
await report.WriteAsync();
Console.WriteLine("the bot's first errors (up to 12):");
Console.WriteLine(env.Bot.Failures);
if (env.Second is not null)
{
    Console.WriteLine("the second instance's first errors (scenario f):");
    Console.WriteLine(env.Second.Failures);
}

Console.WriteLine("the bot's last log lines (warnings and errors only):");
Console.WriteLine(env.Bot.Tail);
Console.WriteLine($"written: {Path.GetFullPath(options.OutputDirectory)}/results.json and results.md");
return 0;
