extern alias bot;

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using ChatOps.Teams.Connector;
using ChatOps.Teams.Tests.Fakes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ChatOps.Benchmarks;

/// <summary>
/// One authenticated Teams <c>help</c>, whole: the real host (<c>WebApplicationFactory&lt;Program&gt;</c>, every
/// middleware, the bot's JwtBearer scheme against a local issuer), the message handler, the Help card and the reply
/// through the connector client's HttpClient pipeline (resilience, rate limiter) to an in-memory connector that reads
/// the body and answers 200. Every message is a new thread, as in the load harness. Background services are removed:
/// they are not per request. Allocations count every thread (<c>GC.GetTotalAllocatedBytes</c>), the test server's own
/// included, so this is an upper bound of what the bot allocates per <c>help</c>.
/// </summary>
[MemoryDiagnoser]
public class TeamsHelpRequestBenchmarks
{
    private const string AppId = "5e1f0c7a-3b7d-4c47-9a0e-6a8d2f0b7c11";
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    private readonly TestSigningKey _key = new("bench-key", "msteams");
    private FakeBotFrameworkIssuer _issuer = null!;
    private WebApplicationFactory<bot::Program> _factory = null!;
    private HttpClient _client = null!;
    private byte[] _prefix = [];
    private byte[] _middle = [];
    private byte[] _suffix = [];
    private readonly byte[] _buffer = new byte[64 * 1024];
    private string _token = string.Empty;
    private long _sequence;

    [GlobalSetup]
    public void Setup()
    {
        _issuer = FakeBotFrameworkIssuer.StartAsync(_key).GetAwaiter().GetResult();
        _token = TokenMinter.Mint(_key.Credentials, AppId, ServiceUrl, expiresIn: TimeSpan.FromMinutes(50));
        var activity = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "teams-message-channel-mention.json")))!.AsObject();
        activity["text"] = "<at>ridotest</at> help";
        activity["id"] = "__ID__";
        activity["serviceUrl"] = ServiceUrl;
        activity["conversation"]!["id"] = "19:bench@thread.tacv2;messageid=__ID__";
        activity.Remove("attachments");
        var parts = activity.ToJsonString().Split("__ID__");
        (_prefix, _middle, _suffix) = (Encoding.UTF8.GetBytes(parts[0]), Encoding.UTF8.GetBytes(parts[1]), Encoding.UTF8.GetBytes(parts[2]));

        // BenchmarkDotNet runs from its own directory, where WebApplicationFactory finds no content root; the bot's
        // appsettings.json is copied beside this assembly.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CHATOPS_BOT", AppContext.BaseDirectory);
        _factory = new HelpHost(_issuer.MetadataUrl.ToString());
        _client = _factory.CreateClient();
        if (Help().GetAwaiter().GetResult() is var status and not 200)
            throw new InvalidOperationException($"the benchmark's help was answered {status}, not 200");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _factory.Dispose();
        _issuer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _key.Dispose();
    }

    [Benchmark]
    public async Task<int> Help()
    {
        // The body is assembled into one reused buffer so the benchmark itself allocates little per request.
        Span<byte> id = stackalloc byte[20];
        (++_sequence).TryFormat(id, out var digits, provider: CultureInfo.InvariantCulture);
        var length = Write(_prefix, 0);
        length = Write(id[..digits], length);
        length = Write(_middle, length);
        length = Write(id[..digits], length);
        length = Write(_suffix, length);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new ByteArrayContent(_buffer, 0, length) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        using var response = await _client.SendAsync(request);
        return (int)response.StatusCode;
    }

    private int Write(ReadOnlySpan<byte> bytes, int at)
    {
        bytes.CopyTo(_buffer.AsSpan(at));
        return at + bytes.Length;
    }

    private sealed class HelpHost(string metadataUrl) : WebApplicationFactory<bot::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Benchmark");
            builder.UseSetting("ConnectionStrings:Tables", "UseDevelopmentStorage=true");
            builder.UseSetting("Reports:SigningKey", "benchmark-report-signing-key-0123456789");
            builder.UseSetting("Audit:Key", "benchmark-audit-checkpoint-key-0123456789");
            builder.UseSetting("MicrosoftAppId", AppId);
            builder.UseSetting("MicrosoftAppPassword", "bench-secret");
            builder.UseSetting("ToBotFromChannelOpenIdMetadataUrl", metadataUrl);
            builder.UseSetting("Teams:RequireHttpsMetadata", "false");
            builder.UseSetting("Teams:TenantRequestsPerSecond", "100000000");
            builder.UseSetting("RateLimits:PermitsPerWindow", "100000000");
            builder.UseSetting("Logging:LogLevel:Default", Environment.GetEnvironmentVariable("BENCH_LOG") ?? "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", Environment.GetEnvironmentVariable("BENCH_LOG") ?? "Warning");
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<IHostedService>();
                services.RemoveAll<IBotTokenProvider>();
                services.AddSingleton<IBotTokenProvider>(new FixedToken());
                services.AddHttpClient<ConnectorClient>().ConfigurePrimaryHttpMessageHandler(() => new InMemoryConnector());
            });
        }
    }

    private sealed class FixedToken : IBotTokenProvider
    {
        public Task<string?> GetTokenAsync(CancellationToken cancellationToken = default) => Task.FromResult<string?>("bench-connector-token");
    }

    /// <summary>Reads the whole body (as the socket would) and answers like the Connector.</summary>
    private sealed class InMemoryConnector : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is not null)
                await request.Content.CopyToAsync(Stream.Null, cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"id":"activity-1"}""", Encoding.UTF8, "application/json") };
        }
    }
}
