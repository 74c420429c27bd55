using ChatOps.Bot.Tests.Security;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Tests.Settings;

/// <summary>The real host stops at start-up on a setting the bot cannot run with, naming it (nothing is clamped silently).</summary>
public sealed class OptionsStartupTests
{
    [Theory]
    [InlineData("Notifications:Parallelism", "0", "Notifications:Parallelism must be between 1 and 256")]
    [InlineData("Storage:MaxRetryDelay", "-00:00:01", "Storage:MaxRetryDelay must be at least Storage:RetryDelay")]
    [InlineData("Slack:WorkerConcurrency", "0", "Slack:WorkerConcurrency must be between 1 and 64")]
    [InlineData("RateLimits:Window", "00:00:00", "RateLimits:Window must be a positive time span")]
    [InlineData("Audit:CheckpointInterval", "00:00:00", "Audit:CheckpointInterval must be more than zero and at most 00:05:00")]
    [InlineData("Audit:CheckpointInterval", "00:05:01", "Audit:CheckpointInterval must be more than zero and at most 00:05:00")]
    public void Start_BadSetting_RefusedNamingTheSetting(string setting, string value, string message)
    {
        var refused = SecretStartupTests.StartFailure(new Dictionary<string, string?> { [setting] = value });

        var failures = refused is AggregateException all ? all.Flatten().InnerExceptions : [refused];
        Assert.All(failures, failure => Assert.IsType<OptionsValidationException>(failure));
        Assert.Contains(failures, failure => failure.Message.Contains(message, StringComparison.Ordinal));
    }
}
