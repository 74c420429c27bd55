namespace ChatOps.Cards.Slack.Model;

/// <summary>A labelled input, used in modals; its value arrives in <c>view.state.values[block_id][action_id]</c>.</summary>
public sealed record InputBlock : Block
{
    public required TextObject Label { get; init; }

    public required BlockElement Element { get; init; }

    public TextObject? Hint { get; init; }

    public bool? Optional { get; init; }
}
