using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ChatOps.Core.Commands;
using ChatOps.Core.Conversations;
using ChatOps.Core.Gates;
using ChatOps.Core.Identity;
using ChatOps.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Bot.Tests.Gates;

[Trait("Category", "Azurite")]
public sealed class GateEndpointTests : IAsyncLifetime
{
    private const string Token = "gate-token-for-tests-0123456789abcdef";
    private static readonly Actor Alice = new(ChannelKind.Teams, "tenant-g", "29:alice", "Alice");
    private static readonly Actor Bob = new(ChannelKind.Teams, "tenant-g", "29:bob", "Bob");
    private static readonly ConversationKey Channel = new(ChannelKind.Teams, "tenant-g", "19:gates@thread.tacv2");

    private readonly BotFactory _factory = new(new Dictionary<string, string?> { ["Gates:Token"] = Token, ["Gates:TenantId"] = "tenant-g" });
    private string _incident = "";

    public async Task InitializeAsync()
    {
        await Say("declare \"Gate test\" --systems web01", Alice);
        _incident = (await _factory.Services.GetRequiredService<IIncidentDirectory>().FindAsync(Channel))!;
        await Say("patch add KB9 \"Hotfix\" --systems web01 --rollback \"revert\"", Alice);
        await Say("test KB9 pass --evidence https://ci.example.com/9", Alice);
        await Say("role approver @29:bob", Alice, new MentionedUser("29:bob", "Bob"));
        var start = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
        await Say($"deploy request KB9 --window {start}/PT2H", Alice);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-token")]
    [InlineData("Basic " + Token)]
    [InlineData("Bearer " + Token + "x")]
    public async Task Get_WithoutTheToken_Is401(string? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/gates/{_incident}/KB9");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await _factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_WithoutTheToken_ChallengesForABearerToken()
    {
        var response = await _factory.CreateClient().GetAsync(new Uri($"/api/gates/{_incident}/KB9", UriKind.Relative));

        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task Started_WithoutTheToken_Is401AndRecordsNothing()
    {
        var before = await Records();

        var response = await _factory.CreateClient().PostAsync(new Uri($"/api/gates/{_incident}/KB9/started", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await Records());
    }

    [Fact]
    public async Task Gate_FollowsTheButton_ThenRecordsThePipeline()
    {
        var client = Client();

        var pending = await client.GetFromJsonAsync<GateStatus>($"/api/gates/{_incident}/KB9");
        var refusedStart = await client.PostAsync(new Uri($"/api/gates/{_incident}/KB9/started", UriKind.Relative), null);
        await Click(Bob);
        var approved = await client.GetFromJsonAsync<GateStatus>($"/api/gates/{_incident}/KB9");
        var started = await client.PostAsync(new Uri($"/api/gates/{_incident}/KB9/started", UriKind.Relative), null);
        var finished = await client.PostAsJsonAsync($"/api/gates/{_incident}/KB9/finished", new { result = "succeeded" });
        var deployed = await client.GetFromJsonAsync<GateStatus>($"/api/gates/{_incident}/KB9");

        Assert.Equal("pending", pending!.State);
        Assert.Equal(HttpStatusCode.Conflict, refusedStart.StatusCode);
        Assert.Equal("approved", approved!.State);
        Assert.Equal(["Bob"], approved.Approvers);
        Assert.NotNull(approved.Window);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal(HttpStatusCode.OK, finished.StatusCode);
        Assert.Equal("deployed", deployed!.State);
        var kinds = (await _factory.Services.GetRequiredService<IIncidentStore>().GetDecisionsAsync("tenant-g", _incident)).Select(r => r.Kind).ToList();
        Assert.Contains("deployment.started", kinds);
        Assert.Contains("deployment.finished", kinds);
    }

    [Fact]
    public async Task Finished_WithBadBody_Is400()
    {
        var response = await Client().PostAsJsonAsync($"/api/gates/{_incident}/KB9/finished", new { result = "maybe" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Get_UnknownPatch_Is404()
    {
        var response = await Client().GetAsync(new Uri($"/api/gates/{_incident}/NOPE", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public Task DisposeAsync() => _factory.DisposeAsync().AsTask();

    private HttpClient Client()
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    private Task<CommandResult> Say(string text, Actor actor, params MentionedUser[] mentions) =>
        _factory.Services.GetRequiredService<ICommandDispatcher>().DispatchAsync(new Command(actor, Channel, text, null, mentions));

    private Task<CommandResult> Click(Actor actor) =>
        _factory.Services.GetRequiredService<ICommandDispatcher>().DispatchAsync(new Command(actor, Channel, "",
            new CardAction("approval.approve", new Dictionary<string, string> { ["incidentId"] = _incident, ["approvalId"] = "A1", ["version"] = "1" })));

    private async Task<int> Records() => (await _factory.Services.GetRequiredService<IIncidentStore>().GetDecisionsAsync("tenant-g", _incident)).Count;
}
