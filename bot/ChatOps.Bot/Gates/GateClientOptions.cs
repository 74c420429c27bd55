namespace ChatOps.Bot.Gates;

/// <summary>
/// <c>Gates:Clients:&lt;name&gt;:*</c>: a pipeline with its own static token. Only the token's SHA-256 is configured,
/// so the bot's settings (and a leaked copy of them) never hold a usable token.
/// </summary>
public sealed class GateClientOptions
{
    /// <summary>Lower- or upper-case hex SHA-256 of the UTF-8 token (<c>printf %s "$token" | sha256sum</c>).</summary>
    public string? TokenSha256 { get; set; }

    /// <summary>The one tenant the client may act for. Required.</summary>
    public string? TenantId { get; set; }

    /// <summary>Incident id patterns (<c>*</c>, <c>?</c>); empty: any incident of the tenant.</summary>
    public List<string> Incidents { get; set; } = [];

    /// <summary>Patch id patterns (<c>*</c>, <c>?</c>); empty: any patch.</summary>
    public List<string> Patches { get; set; } = [];
}
