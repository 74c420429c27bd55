using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Testing.Channels.Slack;

/// <summary>
/// A real Kestrel server on 127.0.0.1 playing Slack's Socket Mode (api.slack.com/apis/connections/socket-implement):
/// attached to a <see cref="FakeSlackWebApi"/> it answers <c>apps.connections.open</c> with a <c>ws://</c> URL of its
/// own; each WebSocket gets <c>hello</c>, then whatever the test delivers; acks are recorded. With
/// <see cref="AckDeadline"/> set, a delivery not acknowledged in time is delivered again on another open connection
/// (events with <c>retry_attempt</c> + 1 and <c>retry_reason: timeout</c>), as Slack does.
/// </summary>
public sealed class FakeSlackSocketMode : IAsyncDisposable
{
    private readonly Channel<FakeSocketConnection> _connected = Channel.CreateUnbounded<FakeSocketConnection>();
    private readonly ConcurrentQueue<FakeSocketConnection> _connections = new();
    private readonly Channel<SocketModeAck> _ackArrivals = Channel.CreateUnbounded<SocketModeAck>();
    private readonly ConcurrentQueue<SocketModeAck> _acks = new();
    private readonly ConcurrentQueue<string?> _openAuthorizations = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _awaitingAck = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _lateAcks = new(StringComparer.Ordinal);
    private LocalServer? _server;
    private HalfOpenProxy? _proxy;
    private int _nextConnection;
    private TaskCompletionSource _ackArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When set, <c>apps.connections.open</c> answers <c>ok:false</c> with this error (e.g. invalid_auth).</summary>
    public string? ConnectionsOpenError { get; set; }

    /// <summary>Slack's 3 s to acknowledge, shortened by tests; null never redelivers.</summary>
    public TimeSpan? AckDeadline { get; set; }

    /// <summary>Authorization headers of every <c>apps.connections.open</c> call.</summary>
    public IReadOnlyList<string?> OpenAuthorizations => [.. _openAuthorizations];

    public IReadOnlyList<FakeSocketConnection> Connections => [.. _connections];

    public IReadOnlyList<FakeSocketConnection> OpenConnections => [.. _connections.Where(c => c.IsOpen)];

    public IReadOnlyList<SocketModeAck> Acks => [.. _acks];

    public static async Task<FakeSlackSocketMode> StartAsync()
    {
        var fake = new FakeSlackSocketMode();
        fake._server = await LocalServer.StartAsync(app =>
        {
            app.UseWebSockets();
            app.Map("/link", fake.AcceptAsync);
        });
        fake._proxy = new HalfOpenProxy(fake._server.BaseAddress.Port);
        return fake;
    }

    /// <summary>Answers <c>apps.connections.open</c> on <paramref name="api"/>; other calls go on as before.</summary>
    public void Attach(FakeSlackWebApi api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var previous = api.Respond;
        api.Respond = call => call.Method == "apps.connections.open" ? OpenConnection(call) : previous?.Invoke(call);
    }

    /// <summary>The next connection the bot opens (after it was sent hello).</summary>
    public async Task<FakeSocketConnection> NextConnectionAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        return await _connected.Reader.ReadAsync(cts.Token);
    }

    /// <summary>The next ack that arrives (in arrival order), waiting up to <paramref name="timeout"/>.</summary>
    public async Task<SocketModeAck> NextAckAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        return await _ackArrivals.Reader.ReadAsync(cts.Token);
    }

    /// <summary>Returns once the acks so far satisfy <paramref name="condition"/> (checked at each arrival), waiting up to <paramref name="timeout"/>.</summary>
    public async Task WaitForAcksAsync(Func<IReadOnlyList<SocketModeAck>, bool> condition, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var arrived = Volatile.Read(ref _ackArrived).Task;
            if (condition(Acks))
            {
                return;
            }

            await arrived.WaitAsync(cts.Token);
        }
    }

    /// <summary>The first ack of this envelope counts as too late: Slack's deadline passes and it delivers again.</summary>
    public void TreatFirstAckAsLate(string envelopeId) => _lateAcks.TryAdd(envelopeId, 0);

    /// <summary>Sends a delivery on <paramref name="via"/>; with <see cref="AckDeadline"/>, redelivers it until acknowledged.</summary>
    public async Task DeliverAsync(JsonObject envelope, FakeSocketConnection via)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(via);
        var id = envelope["envelope_id"]!.GetValue<string>();
        var acked = _awaitingAck.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await via.SendAsync(envelope);
        if (AckDeadline is { } deadline)
        {
            _ = RedeliverUnlessAckedAsync(envelope, via, acked.Task, deadline);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task RedeliverUnlessAckedAsync(JsonObject envelope, FakeSocketConnection via, Task acked, TimeSpan deadline)
    {
        if (await Task.WhenAny(acked, Task.Delay(deadline)) == acked)
        {
            return;
        }

        var again = envelope.DeepClone().AsObject();
        if (again["type"]?.GetValue<string>() == "events_api")
        {
            again["retry_attempt"] = (again["retry_attempt"]?.GetValue<int>() ?? 0) + 1;
            again["retry_reason"] = "timeout";
        }

        var next = OpenConnections.FirstOrDefault(c => c != via) ?? OpenConnections.FirstOrDefault();
        if (next is not null)
        {
            await DeliverAsync(again, next);
        }
    }

    private ScriptedResponse OpenConnection(RecordedCall call)
    {
        _openAuthorizations.Enqueue(call.Authorization);
        if (ConnectionsOpenError is { } error)
        {
            return new ScriptedResponse(200, new JsonObject { ["ok"] = false, ["error"] = error }.ToJsonString());
        }

        // Through the relay, so a test can make one link half-open.
        var url = new UriBuilder("ws", "127.0.0.1", _proxy!.Port, "link") { Query = "ticket=" + Guid.NewGuid().ToString("N") }.Uri;
        return new ScriptedResponse(200, new JsonObject { ["ok"] = true, ["url"] = url.ToString() }.ToJsonString());
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var ticket = context.Request.Query["ticket"].ToString();
        var connection = new FakeSocketConnection(Interlocked.Increment(ref _nextConnection), socket, () => _proxy!.Silence(ticket));
        _connections.Enqueue(connection);
        await connection.SendAsync(SocketModeEnvelopes.Hello(OpenConnections.Count));
        _connected.Writer.TryWrite(connection);
        await connection.RunAsync(OnMessageAsync, context.RequestAborted);
    }

    private Task OnMessageAsync(FakeSocketConnection connection, JsonObject message)
    {
        if (message["envelope_id"]?.GetValue<string>() is not { } id)
        {
            return Task.CompletedTask;
        }

        var ack = new SocketModeAck(id, message["payload"] as JsonObject, connection.Id, message);
        _acks.Enqueue(ack);
        _ackArrivals.Writer.TryWrite(ack);
        Interlocked.Exchange(ref _ackArrived, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        if (!_lateAcks.TryRemove(id, out _) && _awaitingAck.TryGetValue(id, out var acked))
        {
            acked.TrySetResult();
        }

        return Task.CompletedTask;
    }
}
