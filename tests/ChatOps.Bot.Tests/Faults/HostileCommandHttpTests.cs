using System.Net;
using System.Text;
using ChatOps.Core.Commands.Grammar;
using ChatOps.Testing;

namespace ChatOps.Bot.Tests.Faults;

/// <summary>
/// A sample of the hostile command strings (<see cref="HostileCommands"/>, all of which the parser refuses) typed in
/// Teams and in Slack over HTTP: every one is accepted by the endpoint, answered with the problem in words, and
/// nothing is stored.
/// </summary>
[Trait("Category", "Azurite")]
public sealed class HostileCommandHttpTests : IAsyncLifetime
{
    private const int Seed = 4242;
    private const int PerChannel = 150;
    private const string TeamsConversation = "19:hostile@thread.tacv2";
    private const string SlackChannel = "CHOSTILE";
    private ChannelHost _bot = null!;

    public async Task InitializeAsync()
    {
        // Teams' per-conversation send limit (60 per 30 s) is not under test here; it would make 150 replies take 75 s.
        _bot = await ChannelHost.StartAsync("hostile" + Guid.NewGuid().ToString("N")[..16], settings: new Dictionary<string, string?>
        {
            ["Teams:ConversationSendsPerSecond"] = "10000",
            ["Teams:ConversationSendsPer30Seconds"] = "100000",
        });
        var alice = ChannelHost.TeamsActor("29:alice");
        await _bot.DispatchAsync(ChannelHost.TeamsChannel(TeamsConversation), "declare \"Hostile input\" --systems web01", alice);
        await _bot.SayOnSlackAsync("declare \"Hostile input\" --systems web02", SlackChannel);
    }

    public Task DisposeAsync() => _bot.DisposeAsync().AsTask();

    [Fact]
    public async Task HostileCommands_OverBothChannels_EachAnsweredWithTheProblem_NothingStored()
    {
        // What the wire can carry: UTF-8 replaces lone surrogates, as Teams and Slack would.
        var inputs = HostileCommands.Generate(Seed, 4000)
            .Select(t => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(t)))
            .Where(t => !CommandParser.Parse(t).Success)
            .Take(2 * PerChannel)
            .ToList();
        // The declaration's notices reach nobody here; the dispatcher says so in the channel in the background, first.
        var before = await _bot.SettledSnapshotAsync();
        var failures = new List<string>();

        foreach (var chunk in inputs.Select((t, i) => (t, i)).Chunk(8))
        {
            var answers = await Task.WhenAll(chunk.Select(async x => (x.i, x.t, Answer: x.i % 2 == 0
                ? await _bot.SayOnTeamsAsync(x.t, TeamsConversation)
                : await _bot.SayOnSlackAsync(x.t, SlackChannel))));
            failures.AddRange(answers.Where(a => string.IsNullOrWhiteSpace(a.Answer) || a.Answer.Contains("   at ", StringComparison.Ordinal))
                .Select(a => $"#{a.i} ({(a.i % 2 == 0 ? "teams" : "slack")}): '{a.t[..Math.Min(60, a.t.Length)]}' got '{a.Answer}'"));
        }

        Assert.Equal(2 * PerChannel, inputs.Count);
        Assert.Empty(failures);
        await _bot.AssertStorageUnchangedAsync(before);
    }
}
