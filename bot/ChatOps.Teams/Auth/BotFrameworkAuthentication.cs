namespace ChatOps.Teams.Auth;

/// <summary>Names of the Bot Framework authentication scheme, policy and claims.</summary>
public static class BotFrameworkAuthentication
{
    /// <summary>The JwtBearer scheme that validates Connector -> bot tokens.</summary>
    public const string SchemeName = "BotFramework";

    /// <summary>The policy on <c>POST /api/messages</c>.</summary>
    public const string PolicyName = "BotFrameworkCaller";

    /// <summary>The token claim that must equal the activity's <c>serviceUrl</c> (botbuilder <c>ServiceUrlClaim</c>).</summary>
    public const string ServiceUrlClaim = "serviceurl";

    /// <summary>Added after validation: one per entry of the signing key's <c>endorsements</c>.</summary>
    public const string EndorsementClaim = "bf:endorsement";
}
