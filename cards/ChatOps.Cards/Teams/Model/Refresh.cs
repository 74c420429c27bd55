namespace ChatOps.Cards.Teams.Model;

/// <summary>
/// Card <c>refresh</c>: Teams runs <see cref="Action"/> automatically for the users in <see cref="UserIds"/> (max 60 MRIs)
/// and shows them the card the bot returns; everyone else sees the card as sent.
/// </summary>
public sealed record Refresh
{
    public required ExecuteAction Action { get; init; }

    public IReadOnlyList<string>? UserIds { get; init; }
}
