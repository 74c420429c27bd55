using System.Globalization;
using System.Net;
using System.Web;
using ChatOps.Bot.Reports;
using ChatOps.Core.Commands;
using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Bot.Tests.Reports;

/// <summary>The report endpoint on the real host, with storage = the Azurite started by ./test.sh.</summary>
[Trait("Category", "Azurite")]
public sealed class ReportEndpointTests : IAsyncLifetime
{
    private const string SigningKey = "bot-test-signing-key-0123456789abcdefghij";

    // A tenant of its own per test class instance, so incident numbers never collide in the shared Azurite.
    private readonly string _tenant = "t-" + Guid.NewGuid().ToString("N");
    private readonly BotFactory _factory = new(new Dictionary<string, string?> { ["Reports:SigningKey"] = SigningKey });

    private string _incidentId = "";

    public async Task InitializeAsync()
    {
        var reply = await SayAsync("declare \"Report endpoint test\" --sev sev2 --systems web01");
        _incidentId = Text(reply).Split(' ').First(w => w.StartsWith("INC-", StringComparison.Ordinal));
        await SayAsync("decision \"Isolate web01\" --because \"exploited | confirmed\"");
    }

    [Fact]
    public async Task Get_ValidMarkdownLink_Returns200WithTheReport()
    {
        var link = Signer().CreateLink(_tenant, _incidentId, "md");

        var response = await Client().GetAsync(link.Url.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains($"# Incident report {_incidentId}: Report endpoint test", body, StringComparison.Ordinal);
        Assert.Contains("| Isolate web01 | exploited \\| confirmed |", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ValidJsonLink_Returns200WithVersionedJson()
    {
        var link = Signer().CreateLink(_tenant, _incidentId, "json");

        var response = await Client().GetAsync(link.Url.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"schemaVersion\": \"1.3\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_LinkFromTheExportCommand_Works()
    {
        var reply = Text(await SayAsync("export json"));
        var url = new Uri(reply.Split(' ', '\n').Single(w => w.StartsWith("http", StringComparison.Ordinal)));

        var response = await Client().GetAsync(url.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("sig")]
    [InlineData("exp")]
    [InlineData("tenant")]
    [InlineData("format")]
    [InlineData("incident")]
    public async Task Get_TamperedLink_Returns403(string part)
    {
        var link = Signer().CreateLink(_tenant, _incidentId, "md");
        var query = HttpUtility.ParseQueryString(link.Url.Query);
        var (id, format, tenant, exp, sig) = (_incidentId, "md", query["tenant"]!, query["exp"]!, query["sig"]!);
        switch (part)
        {
            case "sig": sig = (sig[0] == 'A' ? 'B' : 'A') + sig[1..]; break;
            case "exp": exp = (long.Parse(exp, CultureInfo.InvariantCulture) + 86400).ToString(CultureInfo.InvariantCulture); break;
            case "tenant": tenant = "someone-else"; break;
            case "format": format = "json"; break;
            default: id = "INC-2026-9999"; break;
        }

        var response = await Client().GetAsync($"/api/incidents/{id}/report.{format}?tenant={tenant}&exp={exp}&sig={sig}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Get_ExpiredLink_Returns403()
    {
        var exp = DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeSeconds();
        var sig = Signer().Sign(_tenant, _incidentId, "md", exp);

        var response = await Client().GetAsync($"/api/incidents/{_incidentId}/report.md?tenant={_tenant}&exp={exp}&sig={sig}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Get_NoSignature_Returns403()
    {
        var response = await Client().GetAsync($"/api/incidents/{_incidentId}/report.md?tenant={_tenant}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Get_ValidLinkToAMissingIncident_Returns404()
    {
        var link = Signer().CreateLink(_tenant, "INC-2026-9999", "md");

        var response = await Client().GetAsync(link.Url.PathAndQuery);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Status_AfterClose_ReadsTheLastIncidentFromTableStorage()
    {
        await SayAsync("close --force \"drill\"");

        var reply = Text(await SayAsync("status"));

        Assert.Contains($"{_incidentId} \"Report endpoint test\" is closed", reply, StringComparison.Ordinal);
    }

    [Fact]
    public void Startup_ProductionWithoutSigningKey_StopsWithMessageNamingTheKey()
    {
        // The audit key is given so that the report key is the missing setting under test.
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseEnvironment("Production").UseSetting("Audit:Key", BotFactory.AuditKey));

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Reports:SigningKey", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_DevelopmentWithoutSigningKey_UsesAnEphemeralKey()
    {
        await using var factory = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(b => b.UseSetting("Storage:TablePrefix", _factory.TablePrefix));

        var signer = factory.Services.GetRequiredService<ReportLinkSigner>();
        var link = signer.CreateLink(_tenant, _incidentId, "md");

        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync(link.Url.PathAndQuery)).StatusCode);
    }

    private HttpClient Client() => _factory.CreateClient();

    private ReportLinkSigner Signer() => _factory.Services.GetRequiredService<ReportLinkSigner>();

    private Task<CommandResult> SayAsync(string text)
    {
        var actor = new Actor(ChannelKind.Teams, _tenant, "29:alice", "Alice");
        var conversation = new ConversationKey(ChannelKind.Teams, _tenant, "19:reports@thread.tacv2");
        return _factory.Services.GetRequiredService<ICommandDispatcher>().DispatchAsync(new Command(actor, conversation, text, null, []));
    }

    private static string Text(CommandResult result) => string.Join("\n", result.Replies.Select(r => r.View.FallbackText));

    public async Task DisposeAsync() => await _factory.DisposeAsync();
}
