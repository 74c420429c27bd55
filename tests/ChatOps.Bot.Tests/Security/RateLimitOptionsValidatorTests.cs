using ChatOps.Bot.Security;

namespace ChatOps.Bot.Tests.Security;

/// <summary>Each <c>RateLimits:*</c> value the limiter cannot run with is refused by name; the defaults pass.</summary>
public sealed class RateLimitOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        var result = new RateLimitOptionsValidator().Validate(null, new RateLimitOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_NoPermits_FailsNamingTheSetting()
    {
        var result = new RateLimitOptionsValidator().Validate(null, new RateLimitOptions { PermitsPerWindow = 0 });

        Assert.Contains("RateLimits:PermitsPerWindow must be at least 1", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("RateLimits:Window", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ZeroWindow_FailsNamingTheSetting()
    {
        var result = new RateLimitOptionsValidator().Validate(null, new RateLimitOptions { Window = TimeSpan.Zero });

        Assert.Contains("RateLimits:Window must be a positive time span", result.FailureMessage, StringComparison.Ordinal);
    }
}
