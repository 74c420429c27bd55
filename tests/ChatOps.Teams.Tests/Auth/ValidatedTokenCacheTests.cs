using System.Security.Claims;
using ChatOps.Teams.Auth;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Teams.Tests.Auth;

public sealed class ValidatedTokenCacheTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
    private readonly ValidatedTokenCache _cache;

    public ValidatedTokenCacheTests() => _cache = new ValidatedTokenCache(_time);

    public void Dispose() => _cache.Dispose();

    [Fact]
    public void Find_TokenKeptBeforeItsExpiry_ReturnsItsClaims()
    {
        _cache.Add("token-a", Principal("https://smba.example/amer/"), _time.GetUtcNow().AddMinutes(30));

        var found = _cache.Find("token-a");

        Assert.Equal("https://smba.example/amer/", found?.FindFirst("serviceurl")?.Value);
    }

    [Fact]
    public void Find_AtTheTokensExpiry_ReturnsNull()
    {
        _cache.Add("token-a", Principal("https://smba.example/amer/"), _time.GetUtcNow().AddMinutes(30));
        _time.Advance(TimeSpan.FromMinutes(30));

        Assert.Null(_cache.Find("token-a"));
    }

    [Fact]
    public void Find_AnotherToken_ReturnsNull()
    {
        _cache.Add("token-a", Principal("https://smba.example/amer/"), _time.GetUtcNow().AddMinutes(30));

        Assert.Null(_cache.Find("token-a "));
    }

    [Fact]
    public void Add_TokenAlreadyExpired_IsNotKept()
    {
        _cache.Add("token-a", Principal("https://smba.example/amer/"), _time.GetUtcNow().AddSeconds(-1));

        Assert.Null(_cache.Find("token-a"));
    }

    [Fact]
    public void Find_ClaimAddedToAnEarlierResult_DoesNotReachTheNext()
    {
        _cache.Add("token-a", Principal("https://smba.example/amer/"), _time.GetUtcNow().AddMinutes(30));
        ((ClaimsIdentity)_cache.Find("token-a")!.Identity!).AddClaim(new Claim("added", "by a later handler"));

        var again = _cache.Find("token-a");

        Assert.Null(again!.FindFirst("added"));
    }

    private static ClaimsPrincipal Principal(string serviceUrl) =>
        new(new ClaimsIdentity([new Claim("serviceurl", serviceUrl)], "BotFramework"));
}
