using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatOps.Testing.Channels.Slack;

/// <summary>The server side of one Socket Mode WebSocket in <see cref="FakeSlackSocketMode"/>.</summary>
public sealed class FakeSocketConnection
{
    private readonly WebSocket _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Action _silence;

    internal FakeSocketConnection(int id, WebSocket socket, Action silence)
    {
        Id = id;
        _socket = socket;
        _silence = silence;
    }

    /// <summary>1 for the first connection the bot opened, 2 for the next…</summary>
    public int Id { get; }

    public bool IsOpen => !_closed.Task.IsCompleted && _socket.State == WebSocketState.Open;

    /// <summary>Completes when the socket is closed or aborted (by either side).</summary>
    public Task Closed => _closed.Task;

    public async Task SendAsync(JsonObject message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message);
        await _sendLock.WaitAsync();
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Sends raw text (for malformed frames).</summary>
    public async Task SendTextAsync(string text)
    {
        await _sendLock.WaitAsync();
        try
        {
            await _socket.SendAsync(System.Text.Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public Task SendDisconnectAsync(string reason) => SendAsync(SocketModeEnvelopes.Disconnect(reason));

    /// <summary>Closes the socket from Slack's side, as Slack does after a disconnect warning.</summary>
    public async Task CloseAsync()
    {
        await _sendLock.WaitAsync();
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "refresh", CancellationToken.None);
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>The link goes half-open: the TCP connection stays, but nothing passes either way (so pings go unanswered).</summary>
    public void GoHalfOpen() => _silence();

    internal async Task RunAsync(Func<FakeSocketConnection, JsonObject, Task> onMessage, CancellationToken aborted)
    {
        try
        {
            while (true)
            {
                var message = new ArrayBufferWriter<byte>();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(message.GetMemory(4096), aborted);
                    message.Advance(result.Count);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await CloseAsync();
                    return;
                }

                if (JsonNode.Parse(message.WrittenSpan) is JsonObject json)
                {
                    await onMessage(this, json);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client went away (or aborted after a missed pong).
        }
        finally
        {
            _closed.TrySetResult();
        }
    }
}
