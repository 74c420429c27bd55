using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Grammar;
using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Core.Idempotency;
using ChatOps.Core.Inbound;
using ChatOps.Core.Storage;
using ChatOps.Core.Views;
using ChatOps.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Core.Tests.Inbound;

/// <summary>The channel-neutral inbound pipeline, with a scripted dispatcher and a recording reply port.</summary>
public sealed class InboundPipelineTests
{
    private static readonly RedeliveryKey Key = new("test", "conversation|1");
    private readonly ScriptedDispatcher _dispatcher = new();
    private readonly ClaimCounter _claims = new();
    private readonly RecordingPort _port = new();
    private readonly FakeTimeProvider _time = new();

    [Theory]
    [InlineData("declare \"Breach\"")]
    [InlineData("!export md")]
    public async Task Redelivered_CommandThatRecords_DispatchedOnce(string text)
    {
        var pipeline = Pipeline();

        Assert.True(await pipeline.RunAsync(new InboundRequest(Typed(text), Key), _port, default));
        Assert.False(await pipeline.RunAsync(new InboundRequest(Typed(text), Key), _port, default));

        Assert.Equal(1, _dispatcher.Runs);
        Assert.Single(_port.Sent);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("!status")]
    public async Task ReadOnlyCommand_NoClaim_AnsweredEachTime(string text)
    {
        var pipeline = Pipeline();

        await pipeline.RunAsync(new InboundRequest(Typed(text), Key), _port, default);
        await pipeline.RunAsync(new InboundRequest(Typed(text), Key), _port, default);

        Assert.Equal((0, 2), (_claims.Attempts, _dispatcher.Runs));
    }

    [Fact]
    public async Task IncidentOnlyCommandWithDeliveryId_NoClaim_RepeatFoundInTheBatchAnswersNothing()
    {
        var command = Typed("decision \"Keep it isolated\"") with { DeliveryId = "test:conversation|1" };
        _dispatcher.Answer = CommandResult.Of(new Reply(new TextView("already"))) with { Repeated = true };

        var answered = await Pipeline().RunAsync(new InboundRequest(command, Key), _port, default);

        Assert.False(answered);
        Assert.Equal((0, 1), (_claims.Attempts, _dispatcher.Runs));
        Assert.Empty(_port.Sent);
    }

    [Fact]
    public async Task ClaimFailsOnStorage_NothingDispatched_PersonToldNothingWasRecorded()
    {
        _claims.Fault = new StorageUnavailableException("down");
        var pipeline = Pipeline();

        await pipeline.RunAsync(new InboundRequest(Typed("declare \"Breach\""), Key), _port, default);

        Assert.Equal(0, _dispatcher.Runs);
        Assert.Equal(CommandDispatcher.StorageUnavailableText, Assert.IsType<ErrorView>(Assert.Single(_port.Sent).View).Message);
    }

    [Fact]
    public async Task OneReplyNotDelivered_TheOthersStillSent()
    {
        _dispatcher.Answer = CommandResult.Of(new Reply(new TextView("first")), new Reply(new TextView("second")));
        _port.RefuseText = "first";

        await Pipeline().RunAsync(new InboundRequest(Typed("declare \"Breach\"")), _port, default);

        Assert.Equal("second", Assert.IsType<TextView>(Assert.Single(_port.Sent).View).Text);
    }

    [Fact]
    public async Task DurableRequestLosesRaces_RunAgainUntilItWins()
    {
        _dispatcher.LostRaces = 2;
        var pipeline = Pipeline();

        var running = pipeline.DecideAsync(new InboundRequest(Typed("declare \"Breach\""), Durable: true), default);
        while (!running.IsCompleted)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }

        Assert.False((await running)!.LostRace);
        Assert.Equal(3, _dispatcher.Runs);
    }

    [Fact]
    public async Task AcknowledgedOnlyRequestLosesRace_RefusalPassedOn()
    {
        _dispatcher.LostRaces = 1;

        var result = await Pipeline().DecideAsync(new InboundRequest(Typed("declare \"Breach\"")), default);

        Assert.True(result!.LostRace);
        Assert.Equal(1, _dispatcher.Runs);
    }

    private InboundPipeline Pipeline() =>
        new(_dispatcher, GrammarParser.Instance, _claims, _time, NullLogger<InboundPipeline>.Instance, new InMemoryPostedCardStore());

    private static Command Typed(string text) =>
        new(new Actor(ChannelKind.Teams, "tenant", "29:alice", "Alice"), new ConversationKey(ChannelKind.Teams, "tenant", "19:channel"), text);

    private sealed class ScriptedDispatcher : ICommandDispatcher
    {
        public int Runs { get; private set; }

        public int LostRaces { get; set; }

        public CommandResult Answer { get; set; } = CommandResult.Of(new Reply(new TextView("done")));

        public Task<CommandResult> DispatchAsync(Command command, CancellationToken cancellationToken = default)
        {
            Runs++;
            return Task.FromResult(Runs <= LostRaces ? Answer with { LostRace = true } : Answer);
        }
    }

    private sealed class ClaimCounter : IIdempotencyStore
    {
        private readonly InMemoryIdempotencyStore _inner = new();

        public int Attempts { get; private set; }

        public Exception? Fault { get; set; }

        public Task<bool> TryClaimAsync(string scope, string key, CancellationToken cancellationToken = default)
        {
            Attempts++;
            return Fault is { } fault ? Task.FromException<bool>(fault) : _inner.TryClaimAsync(scope, key, cancellationToken);
        }
    }

    private sealed class RecordingPort : IReplyPort
    {
        public List<Reply> Sent { get; } = [];

        public string? RefuseText { get; set; }

        public Task<PostedCard?> SendAsync(Reply reply, CancellationToken cancellationToken)
        {
            if (reply.View is TextView { Text: var text } && text == RefuseText)
            {
                throw new ReplyNotDeliveredException("refused");
            }

            Sent.Add(reply);
            return Task.FromResult<PostedCard?>(null);
        }
    }
}
