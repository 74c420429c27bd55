using ChatOps.Core.Commands;
using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Slack.Work;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Slack.Tests.Work;

/// <summary>
/// A full queue turns requests away at once; under an overload every request is turned away, so the warning is one
/// line per interval with the count, not one line per request (docs/PERFORMANCE.md, scenario c).
/// </summary>
public sealed class SlackWorkQueueTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly FakeLogger<SlackWorkQueue> _logger = new();

    [Fact]
    public void TryEnqueue_FullQueue_RefusesEveryRequestButWarnsOncePerIntervalWithTheCount()
    {
        var queue = new SlackWorkQueue(Microsoft.Extensions.Options.Options.Create(new SlackOptions { QueueCapacity = 1 }), _time, _logger);

        Assert.True(queue.TryEnqueue(Item("one"), "/api/slack/commands"));
        var refused = Enumerable.Range(0, 5).Count(i => !queue.TryEnqueue(Item($"burst {i}"), "/api/slack/commands"));
        _time.Advance(SlackWorkQueue.QueueFullReportInterval - TimeSpan.FromMilliseconds(1));
        var refusedBeforeInterval = queue.TryEnqueue(Item("still early"), "/api/slack/events") ? 0 : 1;
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var refusedAfterInterval = queue.TryEnqueue(Item("later"), "/api/slack/interactions") ? 0 : 1;

        Assert.Equal((5, 1, 1), (refused, refusedBeforeInterval, refusedAfterInterval));
        var warnings = _logger.Collector.GetSnapshot().Where(r => r.Level == LogLevel.Warning).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains("1 request(s) turned away (the latest to /api/slack/commands)", warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("6 request(s) turned away (the latest to /api/slack/interactions)", warnings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryEnqueue_RoomAgain_AcceptsAndNothingIsLogged()
    {
        var queue = new SlackWorkQueue(Microsoft.Extensions.Options.Options.Create(new SlackOptions { QueueCapacity = 1 }), _time, _logger);
        Assert.True(queue.TryEnqueue(Item("one"), "/api/slack/commands"));

        Assert.Equal("one", (await queue.TakeAsync(CancellationToken.None))!.Command.Text);
        Assert.True(queue.TryEnqueue(Item("two"), "/api/slack/commands"));
        Assert.Empty(_logger.Collector.GetSnapshot());
    }

    [Fact]
    public async Task ItemWaitingBehindItsConversation_StillTakesRoom_AndComesNextInItsLane()
    {
        var queue = new SlackWorkQueue(Microsoft.Extensions.Options.Options.Create(new SlackOptions { QueueCapacity = 2 }), _time, _logger);
        queue.TryEnqueue(Item("one"), "/api/slack/commands");
        queue.TryEnqueue(Item("two"), "/api/slack/commands");
        var first = await queue.TakeAsync(CancellationToken.None);

        // A second loop reads "two", finds its conversation running and parks it; then it waits for more.
        using var stop = new CancellationTokenSource();
        var second = queue.TakeAsync(stop.Token).AsTask();
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        Assert.Equal(1, queue.Room);
        Assert.Equal("two", queue.NextInLane(SlackWorkQueue.LaneOf(first!))?.Command.Text);
        Assert.Null(queue.NextInLane(SlackWorkQueue.LaneOf(first!)));
        Assert.Equal(2, queue.Room);
    }

    private static SlackWorkItem Item(string text)
    {
        var actor = new Actor(ChannelKind.Slack, "T1", "U1", "alice");
        return new SlackWorkItem("slash_command", new Command(actor, new ConversationKey(ChannelKind.Slack, "T1", "C1"), text), new SlackReplyTarget("T1", "C1", "U1"), DeliveryKey: null);
    }
}
