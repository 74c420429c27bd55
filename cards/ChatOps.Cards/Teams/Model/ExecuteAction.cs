namespace ChatOps.Cards.Teams.Model;

/// <summary>
/// <c>Action.Execute</c> (Universal Action Model): Teams sends an <c>adaptiveCard/action</c> invoke with the verb and
/// the data merged with the card's input values. Data values are strings so the channel maps them to <c>CardAction.Data</c>.
/// </summary>
public sealed record ExecuteAction : AdaptiveAction
{
    public required string Verb { get; init; }

    public IReadOnlyDictionary<string, string>? Data { get; init; }
}
