namespace ChatOps.Cards.Slack.Model;

/// <summary>A button: label max 75 characters, <see cref="Value"/> max 2000 (we put action data JSON there).</summary>
public sealed record ButtonElement : BlockElement
{
    public required TextObject Text { get; init; }

    public string? Value { get; init; }

    public ButtonStyle? Style { get; init; }

    public Uri? Url { get; init; }
}
