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
/// (DialogAnswerRule), so they are claimed.
/// </summary>
public sealed class RedeliveryTests : IAsyncLifetime
{
    private TeamsTestEnvironment _env = null!;

    public async Task InitializeAsync() => _env = await TeamsTestEnvironment.StartAsync();

    public async Task DisposeAsync() => await _env.DisposeAsync();

    private InMemoryIdempotencyStore Claims => (InMemoryIdempotencyStore)_env.Host.Services.GetRequiredService<IIdempotencyStore>();

    [Theory]
    [InlineData("help")]
    [InlineData("!status")]
    [InlineData("!help declare")]
    public async Task Post_ReadOnlyCommandTwice_AnsweredTwiceWithoutClaim(string text)
    {
        var statuses = await PostTwiceAsync(text);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), statuses);
        Assert.Equal(2, _env.Host.Dispatcher.Commands.Count);
        Assert.Equal(2, (await _env.Connector.WaitForRequestsAsync(2)).Count);
        Assert.Empty(Claims.Attempts);
    }

    [Theory]
    [InlineData("decision \"Keep the proxy isolated\"")]
    [InlineData("hlep")]
    [InlineData("web01 and web02")]
    [InlineData("status")]
    [InlineData("help declare")]
    public async Task Post_StateChangingOrUnparsedTextTwice_RunOnce(string text)
    {
        var statuses = await PostTwiceAsync(text);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), statuses);
        Assert.Single(_env.Host.Dispatcher.Commands);
        Assert.Single(await _env.Connector.WaitForRequestsAsync(1));
        Assert.Equal(2, Claims.Attempts.Count);
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
