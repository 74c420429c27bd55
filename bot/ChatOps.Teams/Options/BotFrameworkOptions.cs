namespace ChatOps.Teams.Options;

/// <summary>
/// The bot's Bot Framework settings, bound from the configuration root with the names Bot Framework bots use
/// (docs/ARCHITECTURE.md "Configuration").
/// </summary>
public sealed class BotFrameworkOptions
{
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string DefaultTokenIssuer = "https://api.botframework.com";
    public const string DefaultLoginUrl = "https://login.microsoftonline.com/botframework.com";
    public const string DefaultOAuthScope = "https://api.botframework.com/.default";
    public const string SingleTenantAppType = "SingleTenant";

    /// <summary>The bot's Entra app id; the audience of inbound tokens. Empty = dev console only.</summary>
    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    /// <summary><c>MultiTenant</c> (default) or <c>SingleTenant</c>.</summary>
    public string? MicrosoftAppType { get; set; }

    public string ToBotFromChannelOpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    public string ToBotFromChannelTokenIssuer { get; set; } = DefaultTokenIssuer;

    /// <summary>Outbound token authority, full URL including the tenant.</summary>
    public string ToChannelFromBotLoginUrl { get; set; } = DefaultLoginUrl;

    public string ToChannelFromBotOAuthScope { get; set; } = DefaultOAuthScope;

    public bool HasAppId => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    public bool IsSingleTenant => string.Equals(MicrosoftAppType, SingleTenantAppType, StringComparison.OrdinalIgnoreCase);
}
