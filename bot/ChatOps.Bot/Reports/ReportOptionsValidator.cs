using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Reports;

/// <summary>Start-up check of <c>Reports:*</c>; without a signing key the process stops with a message naming the key.</summary>
internal sealed class ReportOptionsValidator : IValidateOptions<ReportOptions>
{
    public const int MinimumKeyLength = 32;

    public ValidateOptionsResult Validate(string? name, ReportOptions options)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            problems.Add("Reports:SigningKey is not set: report links cannot be signed. Set it to a random secret of at least 32 bytes (e.g. an app setting Reports__SigningKey from Key Vault).");
        }
        else if (System.Text.Encoding.UTF8.GetByteCount(options.SigningKey) < MinimumKeyLength)
        {
            // The key is used as its UTF-8 bytes (ReportLinkSigner), so that is what must reach 32.
            problems.Add($"Reports:SigningKey must be at least {MinimumKeyLength} bytes long.");
        }

        if (!options.PublicBaseUrl.IsAbsoluteUri || options.PublicBaseUrl.Scheme is not ("http" or "https"))
        {
            problems.Add("Reports:PublicBaseUrl must be an absolute http or https URL.");
        }

        if (options.LinkLifetime <= TimeSpan.Zero || options.LinkLifetime > TimeSpan.FromDays(7))
        {
            problems.Add("Reports:LinkLifetime must be more than zero and at most 7 days.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
