namespace ChatOps.Cards.Teams;

/// <summary>
/// Limits our Teams cards keep. The bot API allows 100 KB per message, but the Power Automate / Logic Apps Teams
/// connector stops at about 28 KB, so cards stay below that to pass through relays too.
/// </summary>
public static class TeamsLimits
{
    public const int MaxCardBytes = 28_000;

    /// <summary>Teams runs <c>refresh</c> automatically for at most 60 listed users.</summary>
    public const int RefreshUserIds = 60;

    public const int Title = 200;
    public const int Line = 500;
    public const int Paragraph = 2000;
    public const int ButtonTitle = 60;
}
