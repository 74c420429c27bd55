namespace ChatOps.Cards.Slack.Model;

/// <summary>Checkboxes; the ticked ones arrive as <c>selected_options</c> (an empty array when none is ticked).</summary>
public sealed record CheckboxesElement : BlockElement
{
    public required IReadOnlyList<OptionObject> Options { get; init; }

    public IReadOnlyList<OptionObject>? InitialOptions { get; init; }
}
