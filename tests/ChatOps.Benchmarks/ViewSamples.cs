namespace ChatOps.Cards.Tests.Support;

/// <summary>The constants <c>ViewSamples.Realistic.cs</c> (linked from ChatOps.Cards.Tests) needs.</summary>
internal static partial class ViewSamples
{
    public const string Hostile = "<!channel> [x](http://evil) **bold** <at>Bob</at> é漢🎉";

    public static readonly DateTimeOffset T0 = new(2026, 11, 28, 21, 30, 0, TimeSpan.Zero);
}
