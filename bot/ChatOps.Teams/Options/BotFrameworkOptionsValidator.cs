using Microsoft.Extensions.Options;

namespace ChatOps.Teams.Options;

/// <summary>Start-up checks of the Bot Framework settings; each message names the configuration key.</summary>
internal sealed class BotFrameworkOptionsValidator(IOptions<TeamsChannelOptions> channelOptions) : IValidateOptions<BotFrameworkOptions>
{
    public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        CheckAbsoluteHttpUrl(failures, nameof(options.ToBotFromChannelOpenIdMetadataUrl), options.ToBotFromChannelOpenIdMetadataUrl);
        CheckAbsoluteHttpUrl(failures, nameof(options.ToChannelFromBotLoginUrl), options.ToChannelFromBotLoginUrl);
        if (channelOptions.Value.RequireHttpsMetadata
            && Uri.TryCreate(options.ToBotFromChannelOpenIdMetadataUrl, UriKind.Absolute, out var metadata)
            && metadata.Scheme != Uri.UriSchemeHttps)
            failures.Add("ToBotFromChannelOpenIdMetadataUrl must use https (set Teams:RequireHttpsMetadata=false only for a local test issuer).");
        if (string.IsNullOrWhiteSpace(options.ToBotFromChannelTokenIssuer))
            failures.Add("ToBotFromChannelTokenIssuer must not be empty.");
        if (string.IsNullOrWhiteSpace(options.ToChannelFromBotOAuthScope))
            failures.Add("ToChannelFromBotOAuthScope must not be empty.");
        if (options.MicrosoftAppType is { Length: > 0 } type
            && !type.Equals("MultiTenant", StringComparison.OrdinalIgnoreCase)
            && !type.Equals(BotFrameworkOptions.SingleTenantAppType, StringComparison.OrdinalIgnoreCase))
            failures.Add($"MicrosoftAppType '{type}' is not supported; use MultiTenant or SingleTenant.");
        if (options.HasAppId)
        {
            if (string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
                failures.Add("MicrosoftAppPassword is required when MicrosoftAppId is set.");
            if (options.IsSingleTenant && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
                failures.Add("MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckAbsoluteHttpUrl(List<string> failures, string key, string? value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            failures.Add($"{key} must be an absolute http(s) URL (was '{value}').");
    }
}
