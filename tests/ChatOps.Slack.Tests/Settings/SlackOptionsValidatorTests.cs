using ChatOps.Slack.SocketMode;

namespace ChatOps.Slack.Tests.Settings;

/// <summary>Each Slack setting the bot cannot run with is refused by name; the defaults pass.</summary>
public sealed class SlackOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        var result = new SlackOptionsValidator().Validate(null, new SlackOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData(nameof(SlackOptions.WorkerConcurrency), "Slack:WorkerConcurrency must be between 1 and 64")]
    [InlineData(nameof(SlackOptions.QueueCapacity), "Slack:QueueCapacity must be between 1 and 10000")]
    [InlineData(nameof(SlackOptions.IntakeMaxAttempts), "Slack:IntakeMaxAttempts must be 1 or more")]
    [InlineData(nameof(SlackOptions.RateLimitRetries), "Slack:RateLimitRetries must be between 1 and 10")]
    public void Validate_CountOfZero_FailsNamingTheSetting(string property, string message)
    {
        var options = new SlackOptions();
        typeof(SlackOptions).GetProperty(property)!.SetValue(options, 0);

        var result = new SlackOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(SlackOptions.IntakeVisibilityTimeout))]
    [InlineData(nameof(SlackOptions.IntakePollInterval))]
    [InlineData(nameof(SlackOptions.WorkItemTimeout))]
    public void Validate_ZeroTimeSpan_FailsNamingTheSetting(string property)
    {
        var options = new SlackOptions();
        typeof(SlackOptions).GetProperty(property)!.SetValue(options, TimeSpan.Zero);

        var result = new SlackOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"Slack:{property} must be a positive time span", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NegativeChannelPostInterval_FailsNamingTheSetting()
    {
        var result = new SlackOptionsValidator().Validate(null, new SlackOptions { ChannelPostInterval = TimeSpan.FromSeconds(-1) });

        Assert.Contains("Slack:ChannelPostInterval must be 00:00:00 (no pacing) or a positive time span", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ZeroChannelPostInterval_TurnsPacingOff()
    {
        Assert.True(new SlackOptionsValidator().Validate(null, new SlackOptions { ChannelPostInterval = TimeSpan.Zero }).Succeeded);
    }

    [Fact]
    public void Validate_TooManyWorkers_Fails()
    {
        var result = new SlackOptionsValidator().Validate(null, new SlackOptions { WorkerConcurrency = 65 });

        Assert.Contains("Slack:WorkerConcurrency must be between 1 and 64", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NegativeChannelPostQueueLimit_Fails()
    {
        var result = new SlackOptionsValidator().Validate(null, new SlackOptions { ChannelPostQueueLimit = -1 });

        Assert.Contains("Slack:ChannelPostQueueLimit must be 0 or more", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RelativeApiBaseUrl_Fails()
    {
        var result = new SlackOptionsValidator().Validate(null, new SlackOptions { ApiBaseUrl = new Uri("api/", UriKind.Relative) });

        Assert.Contains("Slack:ApiBaseUrl must be an absolute http or https URL", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_VisibilityTimeoutOverSevenDays_Fails()
    {
        var result = new SlackOptionsValidator().Validate(null, new SlackOptions { IntakeVisibilityTimeout = TimeSpan.FromDays(8) });

        Assert.Contains("Slack:IntakeVisibilityTimeout", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateSocketMode_Defaults_Succeeds()
    {
        var result = new SocketModeOptionsValidator().Validate(null, new SocketModeOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void ValidateSocketMode_ConnectionsOutOfRange_FailsNamingTheSetting(int connections)
    {
        var result = new SocketModeOptionsValidator().Validate(null, new SocketModeOptions { Connections = connections });

        Assert.Contains("Slack:SocketMode:Connections must be between 1 and 10", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(SocketModeOptions.PingInterval))]
    [InlineData(nameof(SocketModeOptions.PingTimeout))]
    [InlineData(nameof(SocketModeOptions.HelloTimeout))]
    [InlineData(nameof(SocketModeOptions.ReconnectDelay))]
    [InlineData(nameof(SocketModeOptions.StartupCheckTimeout))]
    public void ValidateSocketMode_ZeroTimeSpan_FailsNamingTheSetting(string property)
    {
        var options = new SocketModeOptions();
        typeof(SocketModeOptions).GetProperty(property)!.SetValue(options, TimeSpan.Zero);

        var result = new SocketModeOptionsValidator().Validate(null, options);

        Assert.Contains($"Slack:SocketMode:{property} must be a positive time span", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateSocketMode_MaxDelayBelowFirstDelay_Fails()
    {
        var options = new SocketModeOptions { ReconnectDelay = TimeSpan.FromSeconds(5), MaxReconnectDelay = TimeSpan.FromSeconds(1) };

        var result = new SocketModeOptionsValidator().Validate(null, options);

        Assert.Contains("Slack:SocketMode:MaxReconnectDelay must be at least Slack:SocketMode:ReconnectDelay", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateSocketMode_NegativeDisconnectGrace_Fails()
    {
        var result = new SocketModeOptionsValidator().Validate(null, new SocketModeOptions { DisconnectGrace = TimeSpan.FromSeconds(-1) });

        Assert.Contains("Slack:SocketMode:DisconnectGrace must not be negative", result.FailureMessage, StringComparison.Ordinal);
    }
}
