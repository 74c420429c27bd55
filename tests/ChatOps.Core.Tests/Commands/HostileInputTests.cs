using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Grammar;
using ChatOps.Core.Views;
using ChatOps.Testing;

namespace ChatOps.Core.Tests.Commands;

/// <summary>
/// 10,000 seeded hostile strings (see <see cref="HostileCommands"/>) through the one parser and the dispatcher on an
/// active incident. The expectations are independent of the parser: every string gets an answer without an exception
/// or a stack trace, a refusal writes nothing, and a refused string that starts with one of the bot's verbs (the
/// list below, written from the help, not read from the grammar) is refused with that verb or a usage in the answer.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private const int Seed = 20261129;

    private static readonly IReadOnlyList<string> Inputs = HostileCommands.Generate(Seed, 10_000);

    /// <summary>The first word of every command, as help lists them.</summary>
    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal)
    {
        "alert", "approve", "assess", "audience", "cancel", "check", "close", "contain", "decision", "declare", "deploy", "export", "help",
        "log", "notify", "patch", "phase", "reject", "review", "role", "status", "subscribe", "system", "test", "uncheck", "unsubscribe",
        "verify", "vuln",
    };

    private readonly WorkflowHarness _h = new(settings: EmergencyPatchScenario.Settings);

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
    public async Task Dispatch_HostileStrings_EachAnsweredWithoutAStackTrace()
    {
        await StartIncidentAsync();

        foreach (var (text, index) in Inputs.Select((t, i) => (t, i)))
        {
            var result = await _h.Dispatcher.DispatchAsync(new Command(WorkflowHarness.Alice, WorkflowHarness.Channel, text));

            var context = Context(text, index);
            Assert.True(result.Replies.Count > 0, "no answer to " + context);
            Assert.All(result.Replies, r => Assert.False(string.IsNullOrWhiteSpace(r.View.FallbackText), "empty answer to " + context));
            Assert.All(result.Replies, r => Assert.DoesNotContain("   at ", r.View.FallbackText, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Dispatch_HostileStringsRefused_WriteNothing()
    {
        await StartIncidentAsync();

        foreach (var (text, index) in Inputs.Select((t, i) => (t, i)))
        {
            var commitsBefore = _h.Storage.Incidents.Commits;
            var result = await _h.Dispatcher.DispatchAsync(new Command(WorkflowHarness.Alice, WorkflowHarness.Channel, text));

            if (result.Replies.Any(r => r.View is ErrorView))
            {
                Assert.True(commitsBefore == _h.Storage.Incidents.Commits, "a refused command wrote: " + Context(text, index));
            }
        }
    }

    [Fact]
    public async Task Dispatch_HostileStringsStartingWithAVerb_RefusalNamesTheCommandOrItsUsage()
    {
        await StartIncidentAsync();
        var refusedWithAVerb = 0;

        foreach (var (text, index) in Inputs.Select((t, i) => (t, i)))
        {
            var verb = text.Split(' ', 2)[0];
            var result = await _h.Dispatcher.DispatchAsync(new Command(WorkflowHarness.Alice, WorkflowHarness.Channel, text));

            if (Verbs.Contains(verb) && result.Replies.Select(r => r.View).OfType<ErrorView>().FirstOrDefault() is { } refusal)
            {
                refusedWithAVerb++;
                Assert.True(
                    refusal.Usage?.StartsWith(verb, StringComparison.Ordinal) == true || refusal.Message.Contains(verb, StringComparison.OrdinalIgnoreCase) || ShowsAForm(refusal.Message),
                    $"the refusal of {Context(text, index)} names neither '{verb}' nor a usage: {refusal.FallbackText}");
            }
        }

        Assert.True(refusedWithAVerb > 1000, $"only {refusedWithAVerb} refusals of a known verb: the generator no longer exercises this");
    }

    public void Dispose() => _h.Dispose();

    private async Task StartIncidentAsync()
    {
        await _h.SayAsync("declare \"Fuzzed incident\" --systems web01");
        await _h.SayAsync("patch add KB1 \"Hotfix\" --systems web01 --rollback \"revert\"");
    }

    /// <summary>A refusal such as "There is no patch KB9. Add it with: patch add KB9 …" shows the form to use instead.</summary>
    private static bool ShowsAForm(string message) => Verbs.Any(v => message.Contains(": " + v + " ", StringComparison.Ordinal));

    private static string Context(string text, int index) =>
        $"input #{index} (seed {Seed}): " + (text.Length > 80 ? text[..80] + $"… ({text.Length} chars)" : text).Replace("\0", "\\0", StringComparison.Ordinal);
}
