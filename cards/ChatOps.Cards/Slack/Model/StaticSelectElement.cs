namespace ChatOps.Cards.Slack.Model;

/// <summary>A single choice from a list; the value arrives as <c>selected_option.value</c>.</summary>
public sealed record StaticSelectElement : BlockElement
{
    public required IReadOnlyList<OptionObject> Options { get; init; }

    public OptionObject? InitialOption { get; init; }

    public TextObject? Placeholder { get; init; }
}
