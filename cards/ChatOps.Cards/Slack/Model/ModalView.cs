namespace ChatOps.Cards.Slack.Model;

/// <summary>
/// A modal for <c>views.open</c>: title, submit and close max 24 characters, up to 100 blocks,
/// <see cref="PrivateMetadata"/> max 3000 characters (handed back on <c>view_submission</c>).
/// </summary>
public sealed record ModalView
{
    public string Type => "modal";

    public required string CallbackId { get; init; }

    public required TextObject Title { get; init; }

    public TextObject? Submit { get; init; }

    public TextObject? Close { get; init; }

    public string? PrivateMetadata { get; init; }

    public required IReadOnlyList<Block> Blocks { get; init; }
}
