namespace ChatOps.Core.Views;

/// <summary>A short plain message (acknowledgements such as "Recorded.").</summary>
public sealed record TextView(string Text) : View
{
    public override string FallbackText => Text;
}
