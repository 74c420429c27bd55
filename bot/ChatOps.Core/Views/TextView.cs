namespace ChatOps.Core.Views;

/// <summary>A short plain message (acknowledgements such as "Recorded."), optionally mentioning one person.</summary>
public sealed record TextView(string Text, TextMention? Mention = null) : View
{
    public override string FallbackText => Text;
}
