using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;

namespace ChatOps.Teams.Auth;

/// <summary>
/// Principals of inbound Bot Framework tokens that passed full JwtBearer validation, keyed by the SHA-256 of the whole
/// token and kept until the token's <c>exp</c> (no clock skew: stricter than validation itself). The Connector repeats
/// one token for many requests until near its expiry, so all but the first skip the RS256 check (the largest part of
/// authenticating a request). Only a byte-identical token hits; a token with any other signature, claim or
/// expiry is validated in full. Bounded: at most <see cref="Capacity"/> tokens, the excess evicted.
/// Trade-off, named: a signing key withdrawn from the key set stops new tokens at once, but a token already validated
/// under it is accepted until its own expiry (Bot Framework tokens live about an hour).
/// </summary>
public sealed class ValidatedTokenCache : IDisposable
{
    public const int Capacity = 10_000;
    private readonly MemoryCache _cache;
    private readonly TimeProvider _time;

    public ValidatedTokenCache(TimeProvider time)
    {
        _time = time;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Capacity });
    }

    /// <summary>A copy of the principal a byte-identical token produced, if it has not expired yet.</summary>
    public ClaimsPrincipal? Find(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        // The expiry is checked against the injected clock; the cache's own expiry (system clock) only frees memory.
        if (!_cache.TryGetValue(Key(token), out Entry? entry) || entry is null || _time.GetUtcNow() >= entry.Expires)
            return null;

        // Each request gets its own identities: later handlers may add claims, which must not reach other requests.
        return new ClaimsPrincipal(entry.Principal.Identities.Select(i => i.Clone()));
    }

    /// <summary>Keeps <paramref name="principal"/> for <paramref name="token"/> until <paramref name="expires"/>.</summary>
    public void Add(string token, ClaimsPrincipal principal, DateTimeOffset expires)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(principal);
        if (expires <= _time.GetUtcNow())
            return;
        var copy = new ClaimsPrincipal(principal.Identities.Select(i => i.Clone()));
        _cache.Set(Key(token), new Entry(copy, expires), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = expires - _time.GetUtcNow() });
    }

    private static string Key(string token) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public void Dispose() => _cache.Dispose();

    private sealed record Entry(ClaimsPrincipal Principal, DateTimeOffset Expires);
}
