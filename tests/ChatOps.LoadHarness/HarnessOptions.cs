using System.Globalization;
using System.Net;

namespace ChatOps.LoadHarness;

/// <summary>
/// Command-line settings. Every address the harness talks to must be loopback: the harness only ever loads a bot it
/// started on this machine, never a shared or production endpoint.
/// </summary>
internal sealed record HarnessOptions
{
    public const string Usage = """
        usage: ChatOps.LoadHarness --bot-dll <path> --table-endpoint http://127.0.0.1:<port>/devstoreaccount1
                                   --blob-endpoint <url> --queue-endpoint <url> [options]
          --scenarios a,b,c,e    which scenarios to run (a help throughput, b state-changing at fixed rate,
                                 c Slack acks at 5x rate, d memory over many commands, e storage round trips,
                                 f two bot instances on one storage account (decisions over Teams and Slack at
                                 the rate of b, then every report checked: none lost or doubled, chains intact),
                                 g help on a reference echo bot, on ChatOps keyless and authenticated: the ratios)
          --duration <s>         seconds per timed scenario (default 15, at most 600)
          --warmup <s>           seconds of the same load before each timed scenario of a, b, d and g, not
                                 counted (default 2; under load the JIT tiers the bot's code up for 20-45 s)
          --max-requests <n>     cap on requests per scenario (default 400000)
          --rate <n>             fixed rate of scenario b in requests/s (default 200; c uses 5x)
          --concurrency <n>      closed-loop clients of scenario a (default 64)
          --incidents <n>        incidents the state-changing commands spread over (default 50)
          --memory-commands <n>  commands of scenario d (default 100000)
          --proxy on|off         count storage requests through a proxy in front of Azurite (default on; off
                                 connects the bot to Azurite directly, to see what the extra hop costs)
          --tenant-rps <n>       the bot's Teams:TenantRequestsPerSecond (default: the bot's own, 50, Teams' limit
                                 per app per tenant). Every harness request is in one tenant and every Teams
                                 reply is a connector call, so the default caps Teams replies at 50/s; a high
                                 value (e.g. 1000000) measures what the bot itself can do
          --out <dir>            where results.json and results.md go (default ./load-results)
        """;

    public required Uri BotDll { get; init; }

    public required Uri TableEndpoint { get; init; }

    public required Uri BlobEndpoint { get; init; }

    public required Uri QueueEndpoint { get; init; }

    public IReadOnlySet<char> Scenarios { get; init; } = new HashSet<char> { 'a', 'b', 'c', 'e' };

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Load run before a timed scenario (a, b, g) and not counted.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(2);

    public int MaxRequests { get; init; } = 400_000;

    public int Rate { get; init; } = 200;

    public int Concurrency { get; init; } = 64;

    public int Incidents { get; init; } = 50;

    public int MemoryCommands { get; init; } = 100_000;

    public string OutputDirectory { get; init; } = "load-results";

    /// <summary>The bot's per-tenant connector budget (requests per second); null leaves the bot's default (Teams' 50).</summary>
    public int? TenantRequestsPerSecond { get; init; }

    /// <summary>Whether the bot reaches Azurite through the counting proxy.</summary>
    public bool Proxy { get; init; } = true;

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> with a message a person can act on.</summary>
    public static HarnessOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
                throw new ArgumentException($"'{args[i]}' is not an option with a value.");
            values[args[i][2..]] = args[++i];
        }

        string Required(string name) => values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required.");
        int Number(string name, int fallback, int min, int max)
        {
            if (!values.TryGetValue(name, out var text))
                return fallback;
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
                throw new ArgumentException($"--{name} must be a whole number from {min} to {max} (was '{text}').");
            return n;
        }

        var options = new HarnessOptions
        {
            BotDll = new Uri(Path.GetFullPath(Required("bot-dll"))),
            TableEndpoint = LoopbackUrl("table-endpoint", Required("table-endpoint")),
            BlobEndpoint = LoopbackUrl("blob-endpoint", Required("blob-endpoint")),
            QueueEndpoint = LoopbackUrl("queue-endpoint", Required("queue-endpoint")),
            Duration = TimeSpan.FromSeconds(Number("duration", 15, 1, 600)),
            Warmup = TimeSpan.FromSeconds(Number("warmup", 2, 0, 600)),
            MaxRequests = Number("max-requests", 400_000, 1, 10_000_000),
            Rate = Number("rate", 200, 1, 100_000),
            Concurrency = Number("concurrency", 64, 1, 1024),
            Incidents = Number("incidents", 50, 1, 1000),
            MemoryCommands = Number("memory-commands", 100_000, 1, 10_000_000),
            TenantRequestsPerSecond = values.ContainsKey("tenant-rps") ? Number("tenant-rps", 50, 1, 100_000_000) : null,
            OutputDirectory = values.GetValueOrDefault("out", "load-results"),
            Proxy = values.GetValueOrDefault("proxy", "on") switch
            {
                "on" => true,
                "off" => false,
                var other => throw new ArgumentException($"--proxy takes on or off (was '{other}')."),
            },
        };
        if (values.TryGetValue("scenarios", out var scenarios))
        {
            var set = scenarios.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToLowerInvariant()).ToList();
            if (set.Count == 0 || set.Any(s => s.Length != 1 || s[0] < 'a' || s[0] > 'g'))
                throw new ArgumentException($"--scenarios takes letters a to g separated by commas (was '{scenarios}').");
            options = options with { Scenarios = set.Select(s => s[0]).ToHashSet() };
        }

        if (!options.Proxy && options.Scenarios.Contains('e'))
            throw new ArgumentException("--proxy off cannot count storage requests: leave scenario e out (--scenarios a,b,c).");
        return options;
    }

    /// <summary>An absolute http(s) URL on 127.0.0.1, ::1 or localhost; anything else is refused.</summary>
    public static Uri LoopbackUrl(string name, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"--{name} must be an absolute http(s) URL (was '{value}').");
        var loopback = string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
        if (!loopback)
            throw new ArgumentException($"--{name} must be on 127.0.0.1 or localhost; the harness refuses to load '{uri.Host}'.");
        return uri;
    }
}
