using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Grammar;
using ChatOps.Core.Views;
using ChatOps.Testing;

namespace ChatOps.Core.Tests.Commands;

/// <summary>
/// 10,000 seeded hostile strings (see <see cref="HostileCommands"/>) through the one parser and the dispatcher on an
/// active incident: each is either a command or refused with a reason (and the command's form when the verb was
/// recognised), nothing throws, and a refused command writes nothing.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private const int Seed = 20261129;
    private static readonly IReadOnlyList<string> Inputs = HostileCommands.Generate(Seed, 10_000);
    private readonly WorkflowHarness _h = new(settings: Documentation.EmergencyPatchScenario.Settings);

    [Fact]
    public void Parse_HostileStrings_ParseOrNameTheProblem()
    {
        foreach (var (text, index) in Inputs.Select((t, i) => (t, i)))
        {
            var result = CommandParser.Parse(text);

            Assert.True(result.Success || !string.IsNullOrWhiteSpace(result.Error), $"input #{index} (seed {Seed}) failed without a reason");
        }
    }

    [Fact]
    public async Task Dispatch_HostileStrings_AnsweredClearly_AndRefusalsWriteNothing()
    {
        await _h.SayAsync("declare \"Fuzzed incident\" --systems web01");
        await _h.SayAsync("patch add KB1 \"Hotfix\" --systems web01 --rollback \"revert\"");

        foreach (var (text, index) in Inputs.Select((t, i) => (t, i)))
        {
            var commitsBefore = _h.Storage.Incidents.Commits;
            var result = await _h.Dispatcher.DispatchAsync(new Command(WorkflowHarness.Alice, WorkflowHarness.Channel, text));

            var context = $"input #{index} (seed {Seed}): {Describe(text)}";
            Assert.True(result.Replies.Count > 0, "no answer to " + context);
            Assert.All(result.Replies, r => Assert.False(string.IsNullOrWhiteSpace(r.View.FallbackText), "empty answer to " + context));
            Assert.All(result.Replies, r => Assert.DoesNotContain("   at ", r.View.FallbackText, StringComparison.Ordinal));
            if (result.Replies.Any(r => r.View is ErrorView))
            {
                Assert.True(commitsBefore == _h.Storage.Incidents.Commits, "a refused command wrote: " + context);
                var parsed = CommandParser.Parse(text);
                if (!parsed.Success && parsed.Attempted is { } attempted && !parsed.UnknownVerb)
                {
                    Assert.Contains(result.Replies, r => r.View is ErrorView { Usage: not null } e && e.Usage == attempted.Usage);
                }
            }
        }
    }

    public void Dispose() => _h.Dispose();

    private static string Describe(string text) =>
        (text.Length > 80 ? text[..80] + $"… ({text.Length} chars)" : text).Replace("\0", "\\0", StringComparison.Ordinal);
}
