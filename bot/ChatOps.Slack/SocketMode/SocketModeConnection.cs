using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Slack.Wire;
using Microsoft.Extensions.Logging;

namespace ChatOps.Slack.SocketMode;

/// <summary>
/// One Socket Mode WebSocket (System.Net.WebSockets.ClientWebSocket): waits for <c>hello</c>, then reads envelopes and
/// handles each concurrently, sending its ack when the inbound pipeline returns. <see cref="Ended"/> completes when the
/// connection stops serving (a <c>disconnect</c>, a close, an error, or a ping without pong — ClientWebSocket's
/// KeepAliveTimeout aborts the socket); after a <c>disconnect</c> it keeps reading for
/// <see cref="SocketModeOptions.DisconnectGrace"/> while its replacement opens, so nothing Slack still sends on it is lost.
/// </summary>
internal sealed class SocketModeConnection : IAsyncDisposable
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    private readonly ClientWebSocket _socket;
    private readonly SocketModeEnvelopeHandler _handler;
    private readonly SocketModeOptions _options;
    private readonly SocketModeState _state;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource<SocketModeEnd> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private readonly CancellationTokenSource _abort = new();
    private int _closing;
    private int _disposed;

    private SocketModeConnection(ClientWebSocket socket, string name, SocketModeEnvelopeHandler handler, SocketModeOptions options, SocketModeState state, ILogger logger)
    {
        _socket = socket;
        Name = name;
        _handler = handler;
        _options = options;
        _state = state;
        _logger = logger;
    }

    public string Name { get; }

    /// <summary>Completes when this connection stops serving; the reader may still drain it afterwards (<see cref="Completion"/>).</summary>
    public Task<SocketModeEnd> Ended => _ended.Task;

    /// <summary>The read loop, done once the socket is closed and every ack that could be sent was sent.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    /// <summary>Connects to <paramref name="url"/> and waits for <c>hello</c>; the connection then serves until it ends.</summary>
    public static async Task<SocketModeConnection> OpenAsync(
        Uri url, string name, SocketModeEnvelopeHandler handler, SocketModeOptions options, SocketModeState state, ILogger logger, CancellationToken stopping)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = options.PingInterval;
        socket.Options.KeepAliveTimeout = options.PingTimeout;
        var connection = new SocketModeConnection(socket, name, handler, options, state, logger);
        try
        {
            using var hello = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            hello.CancelAfter(options.HelloTimeout);
            await socket.ConnectAsync(url, hello.Token);
            var first = await connection.ReceiveAsync(hello.Token) ?? throw new WebSocketException("Slack closed the socket before hello.");
            var envelope = SocketModeEnvelope.Parse(first.Span);
            if (envelope.Type != "hello")
            {
                throw new WebSocketException($"Slack's first message was '{envelope.Type}', not hello.");
            }

            state.Opened();
            Log.SocketConnected(logger, name, envelope.NumConnections);
            SocketModeMetrics.Connects.Add(1);
        }
        catch (Exception ex) when (ex is OperationCanceledException && !stopping.IsCancellationRequested)
        {
            await connection.DisposeAsync();
            throw new TimeoutException($"Slack did not say hello within {options.HelloTimeout}.", ex);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        connection.Completion = connection.ReadAsync(stopping);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Interlocked.Exchange(ref _closing, 1);
        await _abort.CancelAsync();
        _socket.Dispose();
        _sendLock.Dispose();
        _abort.Dispose();
    }

    private async Task ReadAsync(CancellationToken stopping)
    {
        using var stop = stopping.Register(() => _ = CloseAsync("host stopping"));
        try
        {
            while (await ReceiveAsync(_abort.Token) is { } frame)
            {
                Dispatch(frame, stopping);
            }

            End(SocketModeEndKind.Lost, $"closed by Slack ({_socket.CloseStatus} {_socket.CloseStatusDescription})");
            await CloseAsync("closed by Slack");
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or InvalidDataException)
        {
            End(SocketModeEndKind.Lost, ex.Message);
        }
        finally
        {
            await Task.WhenAll(_inFlight.Keys);
            _state.Closed();
        }
    }

    private void Dispatch(ReadOnlyMemory<byte> frame, CancellationToken stopping)
    {
        SocketModeEnvelope envelope;
        try
        {
            envelope = SocketModeEnvelope.Parse(frame.Span);
        }
        catch (SlackPayloadException ex)
        {
            Log.MalformedEnvelope(_logger, Name, ex.Message);
            SocketModeMetrics.Envelope("unknown", "malformed");
            if (SocketModeEnvelope.TryReadEnvelopeId(frame.Span) is { } id)
            {
                Track(SendAsync(SocketModeEnvelopeHandler.Ack(id, null)));
            }

            return;
        }

        switch (envelope)
        {
            case { Type: "hello" }:
                return;
            case { Type: "disconnect" }:
                OnDisconnect(envelope.Reason ?? "unknown");
                return;
            case { EnvelopeId: null or "" }:
                Log.MalformedEnvelope(_logger, Name, $"{envelope.Type} without envelope_id");
                SocketModeMetrics.Envelope(envelope.Type, "malformed");
                return;
            default:
                Track(HandleAsync(envelope, stopping));
                return;
        }
    }

    private void OnDisconnect(string reason)
    {
        Log.SocketDisconnectRequested(_logger, Name, reason);
        if (reason == "link_disabled")
        {
            End(SocketModeEndKind.LinkDisabled, reason);
            _ = CloseAsync(reason);
            return;
        }

        // Slack closes the socket itself a few seconds after the warning; until then it may still deliver on it.
        End(SocketModeEndKind.Refresh, reason);
        _ = Task.Delay(_options.DisconnectGrace, _abort.Token).ContinueWith(_ => CloseAsync(reason), TaskScheduler.Default);
    }

    private async Task HandleAsync(SocketModeEnvelope envelope, CancellationToken stopping)
    {
        try
        {
            if (await _handler.HandleAsync(envelope, Name, stopping) is { } ack)
            {
                await SendAsync(ack);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The host is stopping; Slack delivers the envelope again to whoever connects next.
        }
#pragma warning disable CA1031 // One failing envelope must not stop the connection; Slack redelivers it unacknowledged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.EnvelopeFailed(_logger, ex, envelope.EnvelopeId ?? string.Empty);
        }
    }

    private async Task SendAsync(JsonObject message)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message, SlackJsonContext.Default.JsonObject);
        await _sendLock.WaitAsync(_abort.Token);
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, _abort.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            Log.SocketLost(_logger, Name, "an ack could not be sent: " + ex.Message);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Sends the acks still being worked out, then a close frame; aborts if Slack does not answer it in time.</summary>
    private async Task CloseAsync(string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) == 1)
        {
            return;
        }

        try
        {
            await Task.WhenAll(_inFlight.Keys).WaitAsync(CloseTimeout);
            await _sendLock.WaitAsync(_abort.Token);
            try
            {
                if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    using var timeout = new CancellationTokenSource(CloseTimeout);
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, reason.Length > 100 ? reason[..100] : reason, timeout.Token);
                }
            }
            finally
            {
                _sendLock.Release();
            }

            _abort.CancelAfter(CloseTimeout);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or TimeoutException)
        {
            await _abort.CancelAsync();
        }
    }

    private void Track(Task task)
    {
        _inFlight.TryAdd(task, 0);
        _ = task.ContinueWith(t => _inFlight.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void End(SocketModeEndKind kind, string reason) => _ended.TrySetResult(new SocketModeEnd(kind, reason));

    /// <summary>One whole message (frames joined), or null when Slack closed the socket.</summary>
    private async Task<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var message = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var result = await _socket.ReceiveAsync(message.GetMemory(4096), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Advance(result.Count);
            if (message.WrittenCount > SlackOptions.MaxBodyBytes)
            {
                throw new InvalidDataException($"A Socket Mode message is over {SlackOptions.MaxBodyBytes} bytes.");
            }

            if (result.EndOfMessage)
            {
                return message.WrittenMemory;
            }
        }
    }
}
