using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatOps.Testing.Channels.Slack;

/// <summary>
/// A TCP relay on 127.0.0.1 in front of the fake Socket Mode server. A link it is told to silence keeps its TCP
/// connection but passes no more bytes either way — a half-open link (a NAT that dropped the flow) — so only the
/// client's own ping timeout can notice it. Links are named by the <c>ticket</c> of their WebSocket URL.
/// </summary>
internal sealed partial class HalfOpenProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentDictionary<string, bool> _silenced = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly int _targetPort;

    public HalfOpenProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Silence(string ticket) => _silenced[ticket] = true;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _stop.Dispose();
    }

    [GeneratedRegex("ticket=([0-9a-f]+)")]
    private static partial Regex TicketPattern();

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = RelayAsync(client);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                await upstream.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
                var down = client.GetStream();
                var up = upstream.GetStream();
                var first = new byte[8192];
                var read = await down.ReadAsync(first, _stop.Token);
                var ticket = TicketPattern().Match(Encoding.ASCII.GetString(first, 0, read)) is { Success: true } m ? m.Groups[1].Value : string.Empty;
                await up.WriteAsync(first.AsMemory(0, read), _stop.Token);
                await Task.WhenAny(CopyAsync(down, up, ticket), CopyAsync(up, down, ticket));
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
                // One side went away.
            }
        }
    }

    private async Task CopyAsync(NetworkStream from, NetworkStream to, string ticket)
    {
        var buffer = new byte[8192];
        int read;
        while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
        {
            if (!_silenced.ContainsKey(ticket))
            {
                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
    }
}
