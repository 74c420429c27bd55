using System.Net;
using ChatOps.Core.Idempotency;
using ChatOps.Teams.Tests.Fakes;
using ChatOps.Teams.Tests.Support;
using ChatOps.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Teams.Tests.Activities;

/// <summary>
/// A redelivered message (same conversation and id) is run once when it may change state; a read-only command that
/// can never be a waiting dialog's answer (help, !status) is answered again instead, so it never pays a storage write
/// for the claim (docs/PERFORMANCE.md). Plain "status" or "help declare" could be the answer to a free-text question
/// (DialogAnswerRule), so they are claimed. A command whose only effect is its incident's batch (decision, patch add…)
/// carries the activity's identity instead, and Core's incident batch catches the repeat (TeamsRedeliveryTests in
/// ChatOps.Bot.Tests shows it with the real Core and storage).
/// </summary>
public sealed class RedeliveryTests : IAsyncLifetime
{
    private TeamsTestEnvironment _env = null!;

    public async Task InitializeAsync() => _env = await TeamsTestEnvironment.StartAsync();

    public async Task DisposeAsync() => await _env.DisposeAsync();

    private InMemoryIdempotencyStore Claims => (InMemoryIdempotencyStore)_env.Host.Services.GetRequiredService<IIdempotencyStore>();

    /// <summary>
    /// Reads need no claim before they run; a plain one (<c>status</c>) is claimed only if a waiting dialog takes it as
    /// its answer, which the dispatcher decides (Core.Tests <c>AnswerClaimTests</c>); this host's dispatcher is a fake.
    /// </summary>
    [Theory]
    [InlineData("help")]
    [InlineData("!status")]
    [InlineData("!help declare")]
    [InlineData("status")]
    [InlineData("help declare")]
    public async Task Post_ReadOnlyCommandTwice_AnsweredTwiceWithoutClaim(string text)
    {
        var statuses = await PostTwiceAsync(text);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), statuses);
        Assert.Equal(2, _env.Host.Dispatcher.Commands.Count);
        Assert.Equal(2, (await _env.Connector.WaitForRequestsAsync(2)).Count);
        Assert.Empty(Claims.Attempts);
    }

    [Theory]
    [InlineData("hlep")]
    [InlineData("web01 and web02")]
    public async Task Post_StateChangingOrUnparsedTextTwice_RunOnce(string text)
    {
        var statuses = await PostTwiceAsync(text);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), statuses);
        Assert.Single(_env.Host.Dispatcher.Commands);
        Assert.Single(await _env.Connector.WaitForRequestsAsync(1));
        Assert.Equal(2, Claims.Attempts.Count);
    }

    [Theory]
    [InlineData("decision \"Keep the proxy isolated\"")]
    [InlineData("patch add KB1 \"CU23\" --systems mail01")]
    public async Task Post_IncidentOnlyCommand_NoClaim_CarriesTheActivityAsItsDeliveryId(string text)
    {
        var activity = _env.Fixture("teams-message-channel-mention.json");
        var expected = $"{ChatOps.Teams.Activities.MessageActivityHandler.IdempotencyScope}:{activity["conversation"]!["id"]}|{activity["id"]}";

        await PostTwiceAsync(text);

        Assert.Empty(Claims.Attempts);
        Assert.Equal([expected, expected], _env.Host.Dispatcher.Commands.Select(c => c.DeliveryId));
    }

    /// <summary>The same message (same id) posted twice, as a redelivery would.</summary>
    private async Task<(HttpStatusCode First, HttpStatusCode Second)> PostTwiceAsync(string text)
    {
        var activity = _env.Fixture("teams-message-channel-mention.json");
        activity["text"] = "<at>ridotest</at> " + text;
        using var first = await _env.PostAsync(activity, _env.Token());
        using var second = await _env.PostAsync(activity, _env.Token());
        return (first.StatusCode, second.StatusCode);
    }
}
