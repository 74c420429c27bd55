using ChatOps.Core.Notifications;

namespace ChatOps.Core.Tests.Notifications;

/// <summary>Each <c>Notifications:*</c> value the dispatcher cannot run with is refused by name; the defaults pass.</summary>
public sealed class NotificationOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        var result = new NotificationOptionsValidator().Validate(null, new NotificationOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(257)]
    public void Validate_ParallelismOutOfRange_FailsNamingTheSetting(int parallelism)
    {
        var result = new NotificationOptionsValidator().Validate(null, new NotificationOptions { Parallelism = parallelism });

        Assert.Contains("Notifications:Parallelism must be between 1 and 256", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoAttempts_FailsNamingTheSetting()
    {
        var result = new NotificationOptionsValidator().Validate(null, new NotificationOptions { MaxAttempts = 0 });

        Assert.Contains("Notifications:MaxAttempts must be between 1 and 100", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(NotificationOptions.Lease))]
    [InlineData(nameof(NotificationOptions.RetryDelay))]
    [InlineData(nameof(NotificationOptions.PollInterval))]
    public void Validate_ZeroTimeSpan_FailsNamingTheSetting(string property)
    {
        var options = new NotificationOptions();
        typeof(NotificationOptions).GetProperty(property)!.SetValue(options, TimeSpan.Zero);

        var result = new NotificationOptionsValidator().Validate(null, options);

        Assert.Contains($"Notifications:{property} must be a positive time span", result.FailureMessage, StringComparison.Ordinal);
    }
}
