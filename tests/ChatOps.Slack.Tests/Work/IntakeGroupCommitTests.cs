using System.Net;
using ChatOps.Core.Commands;
using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Slack.Work;
using ChatOps.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Tests.Work;

/// <summary>
/// Issue 18, scenario c: requests acknowledged while earlier ones are being stored share one intake message, each keeps
/// its own identity in it, and the message is deleted only after its last request is applied.
/// </summary>
public sealed class IntakeGroupCommitTests
{
    /// <summary>Only a guard against a hang: the waits below end on the awaited event, not on time.</summary>
    private static readonly TimeSpan FailureGuard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Accept_WhileEveryWriteIsBusy_TheWaitingRequestsShareTheNextMessage()
    {
        var (store, queue, intake, writes) = Build();
        var accepted = await AcceptWhileEveryWriteIsBusyAsync(intake, writes, waiting: 10);

        writes.Open();
        var results = await accepted.WaitAsync(FailureGuard);

        Assert.All(results, r => Assert.Equal(SlackIntakeResult.Kept, r));
        Assert.Equal(SlackIntake.MaxWritesInFlight + 1, store.Added);
        var held = await TakeAllAsync(queue, 14);
        var shared = held.Where(i => i.Part is not null).ToList();
        Assert.Equal(Enumerable.Range(0, 10).Select(n => $"b{n}"), shared.OrderBy(i => i.Part).Select(i => i.Command.Text));
        Assert.Single(shared.Select(i => i.Receipt!.MessageId).Distinct());
        Assert.Equal(14, held.Select(i => i.IntakeId).Distinct().Count());
        Assert.All(held.Where(i => i.Part is null), i => Assert.Equal(i.Receipt!.MessageId, i.IntakeId));
    }

    [Fact]
    public async Task Complete_SharedMessage_DeletedWithItsLastRequestOnly()
    {
        var (store, queue, intake, writes) = Build();
        var accepted = await AcceptWhileEveryWriteIsBusyAsync(intake, writes, waiting: 3);
        writes.Open();
        await accepted.WaitAsync(FailureGuard);
        var shared = (await TakeAllAsync(queue, 7)).Where(i => i.Part is not null).ToList();

        await intake.CompleteAsync(shared[0], CancellationToken.None);
        await intake.CompleteAsync(shared[2], CancellationToken.None);
        Assert.Contains(store.Bodies, b => b.Contains("\"batch\"", StringComparison.Ordinal));

        await intake.CompleteAsync(shared[1], CancellationToken.None);
        Assert.DoesNotContain(store.Bodies, b => b.Contains("\"batch\"", StringComparison.Ordinal));
        Assert.Equal(SlackIntake.MaxWritesInFlight, store.Count);
    }

    [Fact]
    public async Task Accept_OneAtATime_EachStoredAloneAsBefore()
    {
        var (store, queue, intake, writes) = Build();
        writes.Open();

        for (var n = 0; n < 3; n++)
            Assert.Equal(SlackIntakeResult.Kept, await intake.AcceptAsync(Item($"alone{n}"), "/test", CancellationToken.None));

        Assert.Equal(3, store.Added);
        Assert.All(store.Bodies, b => Assert.Equal("alone", SlackWorkItemJson.Deserialize(b)!.Command.Text[..5]));
        Assert.All(await TakeAllAsync(queue, 3), i => Assert.Null(i.Part));
    }

    [Fact]
    public async Task Accept_StoreDownDuringASharedWrite_EveryRequestInItIsToldNothingWasKept()
    {
        var (store, queue, intake, writes) = Build();
        var accepted = await AcceptWhileEveryWriteIsBusyAsync(intake, writes, waiting: 5);

        store.Fault = new Core.Storage.StorageUnavailableException("down");
        writes.Open();
        var results = await accepted.WaitAsync(FailureGuard);

        Assert.All(results, r => Assert.Equal(SlackIntakeResult.StorageUnavailable, r));
        Assert.Equal(new SlackOptions().QueueCapacity, queue.Room);
        store.Fault = null;
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public void DeserializeAll_BatchWithOneBadItem_IsNotAWorkItem()
    {
        var good = SlackWorkItemJson.Serialize(Item("ok"));

        Assert.Equal(2, SlackWorkItemJson.DeserializeAll(SlackWorkItemJson.SerializeBatch([good, good]))!.Count);
        Assert.Null(SlackWorkItemJson.DeserializeAll(SlackWorkItemJson.SerializeBatch([good, "{\"Kind\":3}"])));
        Assert.Null(SlackWorkItemJson.DeserializeAll("{\"batch\":[]}"));
        Assert.Null(SlackWorkItemJson.DeserializeAll("not json"));
        Assert.Null(SlackWorkItemJson.DeserializeAll(good)![0].Part);
    }

    /// <summary>Through the signed endpoint: a burst while the store is slow is acknowledged, stored in fewer messages than requests, and each applied once with its own identity.</summary>
    [Fact]
    public async Task SlashCommandBurst_SlowStore_FewerMessagesThanRequests_EachAppliedOnceAndTheIntakeEmpties()
    {
        var store = new InMemoryIntakeQueue();
        var writes = new WriteGate();
        store.BeforeAdd = writes.PassAsync;
        await using var host = await SlackTestHost.StartAsync(intake: store);

        var burst = Enumerable.Range(1, 20)
            .Select(n => host.PostFormAsync("/api/slack/commands", SlackPayloads.SlashCommand($"decision \"g{n}\"", triggerId: $"t{n}")))
            .ToList();
        // Every request handed over while the four writes are held: those writes hold some, the rest wait for the next.
        await writes.BusyAsync(SlackIntake.MaxWritesInFlight);
        var intake = host.App.Services.GetRequiredService<SlackIntake>();
        await WaitUntilAsync(() => writes.HeldRequests + intake.Unstored == 20);
        writes.Open();
        var answers = await Task.WhenAll(burst).WaitAsync(FailureGuard);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        foreach (var answer in answers)
            answer.Dispose();
        await store.WaitUntilEmptyAsync().WaitAsync(FailureGuard);
        var applied = host.Dispatcher.Received;
        Assert.Equal(20, applied.Count);
        Assert.Equal(20, applied.Select(c => c.Text).Distinct().Count());
        Assert.Equal(20, applied.Select(c => c.DeliveryId).Distinct().Count());
        // The four held writes, then at most one message for all that waited (16 at most fit one).
        Assert.InRange(store.Added, SlackIntake.MaxWritesInFlight, SlackIntake.MaxWritesInFlight + 1);
    }

    /// <summary>A shared message left by an instance that died is taken whole; each request is applied with its own identity, and then the message is deleted.</summary>
    [Fact]
    public async Task SharedMessageLeftByADeadInstance_EachRequestAppliedWithItsPlace_ThenDeleted()
    {
        var store = new InMemoryIntakeQueue();
        var keyed = Item("decision \"keyed\"") with { DeliveryKey = new SlackDeliveryKey("slack-command", "T1:keyed") };
        var body = SlackWorkItemJson.SerializeBatch([SlackWorkItemJson.Serialize(keyed), SlackWorkItemJson.Serialize(Item("decision \"unkeyed\""))]);
        var receipt = await store.AddAsync(body, TimeSpan.Zero);

        await using var host = await SlackTestHost.StartAsync(s => s["Slack:IntakePollInterval"] = "00:00:00.050", intake: store);
        await store.WaitUntilEmptyAsync().WaitAsync(FailureGuard);

        var applied = host.Dispatcher.Received.ToDictionary(c => c.Text, c => c.DeliveryId);
        Assert.Equal("slack-command:T1:keyed", applied["decision \"keyed\""]);
        Assert.Equal($"intake:{receipt.MessageId}/1", applied["decision \"unkeyed\""]);
    }

    private static (InMemoryIntakeQueue Store, SlackWorkQueue Queue, SlackIntake Intake, WriteGate Writes) Build()
    {
        var store = new InMemoryIntakeQueue();
        var writes = new WriteGate();
        store.BeforeAdd = writes.PassAsync;
        var options = Options.Create(new SlackOptions());
        var queue = new SlackWorkQueue(options, TimeProvider.System, NullLogger<SlackWorkQueue>.Instance);
        return (store, queue, new SlackIntake(queue, options, NullLogger<SlackIntake>.Instance, store), writes);
    }

    /// <summary>
    /// Hands over one request per write slot ("w0"…) and waits until each write is held by the gate, then hands over
    /// <paramref name="waiting"/> more ("b0"…), which can only be stored by a later write; returns every ack's answer.
    /// </summary>
    private static async Task<Task<SlackIntakeResult[]>> AcceptWhileEveryWriteIsBusyAsync(SlackIntake intake, WriteGate writes, int waiting)
    {
        var first = Enumerable.Range(0, SlackIntake.MaxWritesInFlight).Select(n => intake.AcceptAsync(Item($"w{n}"), "/test", CancellationToken.None).AsTask()).ToList();
        await writes.BusyAsync(SlackIntake.MaxWritesInFlight);
        var later = Enumerable.Range(0, waiting).Select(n => intake.AcceptAsync(Item($"b{n}"), "/test", CancellationToken.None).AsTask());
        return Task.WhenAll(first.Concat(later));
    }

    private static async Task<List<SlackWorkItem>> TakeAllAsync(SlackWorkQueue queue, int count)
    {
        var taken = new List<SlackWorkItem>();
        using var guard = new CancellationTokenSource(FailureGuard);
        while (taken.Count < count)
        {
            var item = (await queue.TakeAsync(guard.Token))!;
            // Every test item is in one conversation: the rest of its lane comes through NextInLane.
            for (var current = item; current is not null; current = queue.NextInLane(SlackWorkQueue.LaneOf(item)))
                taken.Add(current);
        }

        return taken;
    }

    private static async Task WaitUntilAsync(Func<bool> done)
    {
        using var timeout = new CancellationTokenSource(FailureGuard);
        while (!done())
            await Task.Delay(20, timeout.Token);
    }

    private static SlackWorkItem Item(string text)
    {
        var actor = new Actor(ChannelKind.Slack, "T1", "U1", "alice");
        return new SlackWorkItem("slash_command", new Command(actor, new ConversationKey(ChannelKind.Slack, "T1", "C1"), text), new SlackReplyTarget("T1", "C1", "U1"), DeliveryKey: null);
    }

    /// <summary>Holds every intake write until opened, and tells how many are waiting (a slow store, without timing).</summary>
    private sealed class WriteGate
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Lock _lock = new();
        private readonly List<(int Count, TaskCompletionSource Reached)> _watchers = [];
        private int _waiting;
        private int _requests;

        /// <summary>Requests in the writes held so far.</summary>
        public int HeldRequests
        {
            get
            {
                lock (_lock)
                    return _requests;
            }
        }

        public async Task PassAsync(string body, CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                _waiting++;
                _requests += SlackWorkItemJson.DeserializeAll(body)?.Count ?? 1;
                foreach (var (count, reached) in _watchers.Where(w => w.Count <= _waiting))
                    reached.TrySetResult();
            }

            await _open.Task.WaitAsync(cancellationToken);
        }

        public Task BusyAsync(int count)
        {
            lock (_lock)
            {
                var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                if (_waiting >= count)
                    reached.TrySetResult();
                else
                    _watchers.Add((count, reached));
                return reached.Task.WaitAsync(FailureGuard);
            }
        }

        public void Open() => _open.TrySetResult();
    }
}
