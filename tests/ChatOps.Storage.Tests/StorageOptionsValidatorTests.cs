namespace ChatOps.Storage.Tests;

/// <summary>Each storage setting the bot cannot run with is refused by name; the defaults pass.</summary>
public sealed class StorageOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.Null(StorageOptionsValidator.Validate(new TableStorageOptions()));
    }

    [Theory]
    [InlineData("", "ConnectionStrings:Tables is empty")]
    [InlineData("not a connection string", "ConnectionStrings:Tables is not a valid storage connection string")]
    public void Validate_BadConnectionString_NamesTheSetting(string connectionString, string message)
    {
        var problem = StorageOptionsValidator.Validate(new TableStorageOptions { ConnectionString = connectionString });

        Assert.StartsWith(message, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PrefixWithDash_NamesTheSetting()
    {
        Assert.StartsWith("Storage:TablePrefix", StorageOptionsValidator.Validate(new TableStorageOptions { TablePrefix = "chat-ops" }), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ZeroNetworkTimeout_NamesTheSetting()
    {
        Assert.StartsWith("Storage:NetworkTimeout", StorageOptionsValidator.Validate(new TableStorageOptions { NetworkTimeout = TimeSpan.Zero }), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ElevenRetries_NamesTheSetting()
    {
        Assert.Equal("Storage:MaxRetries must be between 0 and 10.", StorageOptionsValidator.Validate(new TableStorageOptions { MaxRetries = 11 }));
    }

    [Fact]
    public void Validate_NegativeRetryDelay_NamesTheSetting()
    {
        Assert.StartsWith("Storage:RetryDelay must not be negative", StorageOptionsValidator.Validate(new TableStorageOptions { RetryDelay = TimeSpan.FromSeconds(-1) }), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MaxRetryDelayBelowRetryDelay_NamesTheSetting()
    {
        var options = new TableStorageOptions { RetryDelay = TimeSpan.FromSeconds(2), MaxRetryDelay = TimeSpan.FromSeconds(1) };

        Assert.Equal("Storage:MaxRetryDelay must be at least Storage:RetryDelay.", StorageOptionsValidator.Validate(options));
    }

    [Fact]
    public void Validate_ZeroClaimLifetime_NamesTheSetting()
    {
        Assert.StartsWith("Storage:IdempotencyClaimLifetime must be positive", StorageOptionsValidator.Validate(new TableStorageOptions { IdempotencyClaimLifetime = TimeSpan.Zero }), StringComparison.Ordinal);
    }
}
