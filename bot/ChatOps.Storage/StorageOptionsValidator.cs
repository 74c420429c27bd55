using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace ChatOps.Storage;

/// <summary>Start-up check of storage settings: a bad value stops the process with a message naming the key.</summary>
internal sealed partial class StorageOptionsValidator : IValidateOptions<TableStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, TableStorageOptions options)
    {
        var problem = Validate(options);
        return problem is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problem);
    }

    public static string? Validate(TableStorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return "ConnectionStrings:Tables is empty; set it to a storage connection string (or UseDevelopmentStorage=true for Azurite).";
        }

        try
        {
            _ = new TableServiceClient(options.ConnectionString);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            return "ConnectionStrings:Tables is not a valid storage connection string: " + ex.Message;
        }

        if (!TablePrefixPattern().IsMatch(options.TablePrefix))
        {
            return "Storage:TablePrefix must start with a letter and hold only letters and digits (at most 40).";
        }

        if (options.NetworkTimeout <= TimeSpan.Zero)
        {
            return "Storage:NetworkTimeout must be positive (e.g. 00:00:00.6).";
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            return "Storage:MaxRetries must be between 0 and 10.";
        }

        if (options.RetryDelay < TimeSpan.Zero)
        {
            return "Storage:RetryDelay must not be negative (e.g. 00:00:00.1).";
        }

        if (options.MaxRetryDelay < options.RetryDelay)
        {
            return "Storage:MaxRetryDelay must be at least Storage:RetryDelay.";
        }

        return options.IdempotencyClaimLifetime <= TimeSpan.Zero ? "Storage:IdempotencyClaimLifetime must be positive (e.g. 1.00:00:00)." : null;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,39}$")]
    private static partial Regex TablePrefixPattern();
}
