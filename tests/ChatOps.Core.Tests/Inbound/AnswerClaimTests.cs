using ChatOps.Core.Commands;
using ChatOps.Core.Conversations;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Inbound;
using ChatOps.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatOps.Testing.WorkflowHarness;

namespace ChatOps.Core.Tests.Inbound;

/// <summary>
/// A plain read (<c>status</c>) or a command the incident's batch catches is claimed only when a waiting dialog takes
/// it as its answer: a plain read costs no claim, and an answer delivered twice is recorded once.
/// </summary>
public sealed class AnswerClaimTests
{
    private readonly WorkflowHarness _h = new();
    private readonly RecordingPort _port = new();

    [Fact]
    public async Task PlainStatus_NoDialogWaiting_NoClaimAndAnsweredEachTime()
    {
        await _h.SayAsync("declare \"Citrix exploitation\"");

        await RunAsync("status", "activity-1");
        await RunAsync("status", "activity-1");

        Assert.Equal(2, _port.Sent.Count);
        // Never claimed: the key is still free.
        Assert.True(await _h.Storage.Idempotency.TryClaimAsync("test", "activity-1"));
    }

    [Fact]
    public async Task CommandTakenAsAFreeTextAnswer_DeliveredTwice_RecordedOnceAndTheRepeatAnswersNothing()
    {
        await _h.SayAsync("declare \"Citrix exploitation\"");
        await _h.SayAsync("assess");
        await _h.SayAsync("netscaler01 high");
        await _h.SayAsync("CVE-2023-4966 CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H exploited");
        await RunAsync("decision \"Remote access down\"", "activity-7");
        var afterFirst = _port.Sent.Count;

        await RunAsync("decision \"Remote access down\"", "activity-7");

        Assert.Equal(afterFirst, _port.Sent.Count);
        var dialog = await _h.Storage.Dialogs.GetAsync(Channel);
        Assert.Contains("decision \"Remote access down\"", dialog!.Data.Values);
        Assert.Contains("Is data exposed?", string.Join('\n', _port.Sent.Select(r => Text(new CommandResult([r])))), StringComparison.Ordinal);
        var decisions = await _h.Storage.Incidents.GetDecisionsAsync(Tenant, "INC-2026-0001");
        Assert.DoesNotContain(decisions, d => d.Kind == DecisionNoted.EventKind);
    }

    private Task<bool> RunAsync(string text, string activity) =>
        _h.Services.GetRequiredService<InboundPipeline>().RunAsync(
            new InboundRequest(new Command(Alice, Channel, text) { DeliveryId = "test:" + activity }, new RedeliveryKey("test", activity)), _port, default);

    private sealed class RecordingPort : IReplyPort
    {
        public List<Reply> Sent { get; } = [];

        public Task<PostedCard?> SendAsync(Reply reply, CancellationToken cancellationToken)
        {
            Sent.Add(reply);
            return Task.FromResult<PostedCard?>(null);
        }
    }
}
