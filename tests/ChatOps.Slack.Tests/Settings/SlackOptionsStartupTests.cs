using ChatOps.Testing;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Tests.Settings;

/// <summary>A Slack setting the bot cannot run with stops the host at start-up, naming the setting (nothing is clamped).</summary>
public sealed class SlackOptionsStartupTests
{
    [Theory]
    [InlineData("Slack:WorkerConcurrency", "0", "Slack:WorkerConcurrency must be between 1 and 64")]
    [InlineData("Slack:WorkerConcurrency", "65", "Slack:WorkerConcurrency must be between 1 and 64")]
    [InlineData("Slack:QueueCapacity", "0", "Slack:QueueCapacity must be between 1 and 10000")]
    [InlineData("Slack:RateLimitRetries", "0", "Slack:RateLimitRetries must be between 1 and 10")]
    [InlineData("Slack:SocketMode:Connections", "11", "Slack:SocketMode:Connections must be between 1 and 10")]
    public async Task Start_BadSetting_StopsNamingTheSetting(string setting, string value, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(
            () => SlackTestHost.StartAsync(s => s[setting] = value, intake: new InMemoryIntakeQueue()));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
