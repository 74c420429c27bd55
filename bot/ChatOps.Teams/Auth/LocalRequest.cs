using System.Net;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Teams.Auth;

/// <summary>
/// Whether a request really comes from this machine's own browser or tools: the connection is loopback AND the Host
/// header names a loopback host AND no proxy header (<c>Forwarded</c>, <c>X-Forwarded-*</c>) is present. A tunnel
/// (dev tunnels, ngrok) also connects from 127.0.0.1, but keeps the public host name or adds forwarding headers.
/// </summary>
public static class LocalRequest
{
    public static bool IsLocal(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote)
            && IsLoopbackHost(context.Request.Host.Host)
            && !HasProxyHeader(context.Request.Headers);
    }

    public static bool IsLoopbackHost(string? host)
    {
        if (string.IsNullOrEmpty(host))
            return false;
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
            return true;
        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    private static bool HasProxyHeader(IHeaderDictionary headers) =>
        headers.Keys.Any(name => name.Equals("Forwarded", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("X-Forwarded-", StringComparison.OrdinalIgnoreCase));
}
