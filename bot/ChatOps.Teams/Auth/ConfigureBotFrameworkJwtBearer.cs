using ChatOps.Teams.Options;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ChatOps.Teams.Auth;

/// <summary>
/// Sets up the <see cref="BotFrameworkAuthentication.SchemeName"/> JwtBearer scheme from the bot's settings
/// (bot-framework-rest-connector-authentication.md, "Connector to bot"): OpenID metadata and rotating keys,
/// issuer, audience = app id, RS256, 5 minutes of clock skew. Unknown <c>kid</c>s make JwtBearer request a key
/// refresh (at most once per <see cref="TeamsChannelOptions.MetadataRefreshInterval"/>).
/// </summary>
internal sealed class ConfigureBotFrameworkJwtBearer(
    IOptions<BotFrameworkOptions> botOptions,
    IOptions<TeamsChannelOptions> channelOptions,
    ValidatedTokenCache tokens,
    IHostEnvironment? environment = null) : IConfigureNamedOptions<JwtBearerOptions>
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public void Configure(string? name, JwtBearerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name != BotFrameworkAuthentication.SchemeName)
            return;

        var bot = botOptions.Value;
        var channel = channelOptions.Value;
        options.MetadataAddress = bot.ToBotFromChannelOpenIdMetadataUrl;
        options.RequireHttpsMetadata = channel.RequireHttpsMetadata;
        options.RefreshInterval = channel.MetadataRefreshInterval;
        options.AutomaticRefreshInterval = channel.MetadataAutomaticRefreshInterval;
        options.RefreshOnIssuerKeyNotFound = true;
        options.MapInboundClaims = false;
        options.SaveToken = false;
        // The reason a token failed helps a forger more than an operator (who has the log); Development keeps it.
        options.IncludeErrorDetails = environment?.IsDevelopment() == true;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = bot.ToBotFromChannelTokenIssuer,
            IssuerValidator = BotIssuerValidator.For(bot.ToBotFromChannelTokenIssuer),
            ValidateAudience = true,
            ValidAudience = bot.HasAppId ? bot.MicrosoftAppId : null,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            TryAllIssuerSigningKeys = false,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = ClockSkew,
        };
        options.Events = new JwtBearerEvents
        {
            OnMessageReceived = context => ValidatedTokens.ReuseAsync(context, tokens),
            OnTokenValidated = async context =>
            {
                await EndorsementClaims.AddAsync(context);
                ValidatedTokens.Keep(context, tokens);
            },
        };
    }

    public void Configure(JwtBearerOptions options) => Configure(Microsoft.Extensions.Options.Options.DefaultName, options);
}
